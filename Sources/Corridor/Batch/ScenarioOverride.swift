import Foundation

/// One change a batch scenario makes to its base network (documented in docs/batch.md and
/// docs/schemas/batch-manifest.schema.json).
public enum ScenarioOverride: Sendable, Equatable {
    /// Multiply movement quantities (all, or the listed movement ids).
    case scaleQuantities(Double, movements: [String]?)
    /// Move release periods by this many periods (clipped to 0 … H−1; due moves with it when it would fall before release).
    case shiftRelease(Int, movements: [String]?)
    /// Move due periods by this many periods (never before release).
    case shiftDue(Int, movements: [String]?)
    /// Multiply a link's capacity (both directions).
    case scaleLinkCapacity(link: String, factor: Double)
    /// Take a link out (both directions).
    case removeLink(String)
    /// Close a border rule: no link crosses from → to.
    case closeBorder(from: String, to: String)
    /// Set a border rule's customs delay (every commodity).
    case customsDelay(from: String, to: String, delay: Int)
    /// Set the horizon (applied to the document before validation, so defaults follow it).
    case horizon(Int)

    /// The override kinds a sweep can vary, by the name used in manifests.
    public static let kinds = ["scale_quantities", "shift_release", "shift_due", "link_capacity", "remove_link",
                               "close_border", "customs_delay", "horizon"]

    /// "scale_quantities=1.5", used in sweep scenario ids.
    public var slug: String {
        switch self {
        case .scaleQuantities(let value, _): return "scale_quantities=\(BatchNumbers.format(value))"
        case .shiftRelease(let value, _): return "shift_release=\(value)"
        case .shiftDue(let value, _): return "shift_due=\(value)"
        case .scaleLinkCapacity(let link, let factor): return "link_capacity:\(link)=\(BatchNumbers.format(factor))"
        case .removeLink(let link): return "remove_link:\(link)"
        case .closeBorder(let from, let to): return "close_border:\(from)-\(to)"
        case .customsDelay(let from, let to, let delay): return "customs_delay:\(from)-\(to)=\(delay)"
        case .horizon(let value): return "horizon=\(value)"
        }
    }
}

/// Deterministic number text for ids: 0.5, 1, 1.25 (no trailing zeros, no exponent for sane values).
enum BatchNumbers {
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }  // 2.0000001 → "2", not "2."
        return text == "-0" ? "0" : text
    }
}

extension ScenarioOverride {
    /// Applies the override to a validated network. Unknown references are an error for this
    /// scenario only (the batch goes on).
    func apply(to network: inout Network) throws(ScenarioError) {
        switch self {
        case .scaleQuantities(let factor, let ids):
            for index in try movementIndices(ids, in: network) { network.movements[index].quantity *= factor }
        case .shiftRelease(let shift, let ids):
            for index in try movementIndices(ids, in: network) {
                let release = min(max(0, network.movements[index].release + shift), network.periods - 1)
                network.movements[index].release = release
                network.movements[index].due = max(network.movements[index].due, release)
            }
        case .shiftDue(let shift, let ids):
            for index in try movementIndices(ids, in: network) {
                network.movements[index].due = max(network.movements[index].release, network.movements[index].due + shift)
            }
        case .scaleLinkCapacity(let link, let factor):
            let index = try linkIndex(link, in: network)
            guard factor > 0 else {
                // 0 closes the link for every commodity, also one whose `uses` are all 0, which
                // capacities of 0 would not stop (§4.9): the link is taken out, as remove_link does.
                network.arcs.removeAll { $0.link == index }
                return
            }
            for a in network.arcs.indices where network.arcs[a].link == index {
                // An unlimited dimension stays unlimited.
                network.arcs[a].capacity = DimensionVector(network.arcs[a].capacity.values.map { $0 * factor })
            }
        case .removeLink(let link):
            let index = try linkIndex(link, in: network)
            network.arcs.removeAll { $0.link == index }
        case .closeBorder(let from, let to):
            let rule = try ruleIndex(from, to, in: network)
            network.arcs.removeAll { $0.customs.rule == rule }
        case .customsDelay(let from, let to, let delay):
            let rule = try ruleIndex(from, to, in: network)
            let delays = Array(repeating: delay, count: network.commodities.count)
            network.borderRules[rule].delay = delays
            for a in network.arcs.indices where network.arcs[a].customs.rule == rule {
                network.arcs[a].customs.delay = delays
            }
        case .horizon:
            break  // applied to the document
        }
    }

    /// The network's number limits (§4.12 and its mirror, docs/contract-readings.md "Numbers") on what
    /// overrides scale: each override's factor is within them, but several in a row need not be
    /// (`scale_quantities` 1e11 twice makes 1e22-unit movements).
    static func checkLimits(of network: Network) throws(ScenarioError) {
        let limits = DecodingLog.minimumMagnitude...DecodingLog.maximumMagnitude
        for movement in network.movements where !limits.contains(movement.quantity) {
            throw ScenarioError("after the overrides, movement \"\(movement.id)\" has quantity "
                                + "\(PlanNumbers.plain(movement.quantity)), outside 1e-12…1e12")
        }
        for arc in network.arcs {
            for value in arc.capacity.values where value.isFinite && value != 0 && !limits.contains(value) {
                throw ScenarioError("after the overrides, link \"\(network.links[arc.link].id)\" has capacity "
                                    + "\(PlanNumbers.plain(value)), outside 1e-12…1e12")
            }
        }
    }

    private func movementIndices(_ ids: [String]?, in network: Network) throws(ScenarioError) -> [Int] {
        guard let ids else { return Array(network.movements.indices) }
        var indices: [Int] = []
        for id in ids {
            guard let index = network.movements.firstIndex(where: { $0.id == id }) else {
                throw ScenarioError("override \(slug): no movement \"\(id)\"")
            }
            indices.append(index)
        }
        return indices
    }

    private func linkIndex(_ id: String, in network: Network) throws(ScenarioError) -> Int {
        guard let index = network.links.firstIndex(where: { $0.id == id }) else {
            throw ScenarioError("override \(slug): no link \"\(id)\"")
        }
        return index
    }

    private func ruleIndex(_ from: String, _ to: String, in network: Network) throws(ScenarioError) -> Int {
        guard let index = network.borderRules.firstIndex(where: { $0.from == from && $0.to == to }) else {
            throw ScenarioError("override \(slug): no border rule \(from) → \(to)")
        }
        return index
    }
}

/// Why one scenario of a batch could not be run; it becomes that scenario's error line.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
