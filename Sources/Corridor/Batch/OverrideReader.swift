/// Reads override objects (`{kind: scale_quantities, value: 1.5}`) and sweeps
/// (`{kind: scale_quantities, range: [0.5, 2.0, 0.25]}` or `values: [...]`) from a manifest.
enum OverrideReader {
    static let keys = ["kind", "value", "movements", "link", "from", "to"]

    /// One override; in a sweep, `sweepValue` stands in for `value`.
    static func read(_ node: DocumentNode, path: String, log: DecodingLog, sweepValue: Double?,
                     extraKeys: [String] = []) -> ScenarioOverride? {
        guard let object = ObjectReader(node, path: path, allowed: keys + extraKeys, log: log),
              let kind = object.identifier("kind", required: true) else { return nil }
        guard ScenarioOverride.kinds.contains(kind) else {
            log.report(object.path("kind"), object.field("kind"),
                       "unknown override \"\(kind)\" (one of: \(ScenarioOverride.kinds.joined(separator: ", ")))")
            return nil
        }
        func number() -> Double? {
            if let sweepValue { return sweepValue }
            return object.number("value", required: true, minimum: nil)
        }
        func integer() -> Int? {
            guard let value = number() else { return nil }
            guard value.rounded() == value, abs(value) <= 1e9 else {
                log.report(object.path("value"), object.field("value"), "must be a whole number, found \(value)")
                return nil
            }
            return Int(value)
        }
        func movements() -> [String]? {
            object.list("movements")?.enumerated().compactMap { log.identifier($1, "\(object.path("movements"))[\($0)]") }
        }
        func required(_ key: String) -> String? { object.identifier(key, required: true) }
        switch kind {
        case "scale_quantities":
            guard let value = number() else { return nil }
            guard value > 0 else {
                log.report(object.path("value"), object.field("value"), "a quantity factor must be positive")
                return nil
            }
            return .scaleQuantities(value, movements: movements())
        case "shift_release": return integer().map { .shiftRelease($0, movements: movements()) }
        case "shift_due": return integer().map { .shiftDue($0, movements: movements()) }
        case "link_capacity":
            guard let link = required("link"), let value = number() else { return nil }
            guard value >= 0 else {
                log.report(object.path("value"), object.field("value"), "a capacity factor must not be negative")
                return nil
            }
            return .scaleLinkCapacity(link: link, factor: value)
        case "remove_link": return required("link").map { .removeLink($0) }
        case "close_border":
            guard let from = required("from"), let to = required("to") else { return nil }
            return .closeBorder(from: from, to: to)
        case "customs_delay":
            guard let from = required("from"), let to = required("to"), let value = integer() else { return nil }
            guard value >= 0 else {
                log.report(object.path("value"), object.field("value"), "a delay must not be negative")
                return nil
            }
            return .customsDelay(from: from, to: to, delay: value)
        case "horizon":
            guard let value = integer() else { return nil }
            guard value >= 1, value <= 1_000_000 else {
                log.report(object.path("value"), object.field("value"), "the horizon must be between 1 and 1000000")
                return nil
            }
            return .horizon(value)
        default:
            return nil
        }
    }

    /// A sweep: the override with each value of `values` or `range: [start, stop, step]` (stop inclusive).
    static func sweep(_ node: DocumentNode, path: String, log: DecodingLog) -> [ScenarioOverride] {
        guard let object = ObjectReader(node, path: path, allowed: keys + ["values", "range"], log: log) else { return [] }
        var values: [Double] = []
        if let items = object.list("values") {
            values = items.enumerated().compactMap { log.number($1, "\(object.path("values"))[\($0)]", minimum: nil) }
        } else if let items = object.list("range") {
            guard items.count == 3,
                  let start = log.number(items[0], "\(object.path("range"))[0]", minimum: nil),
                  let stop = log.number(items[1], "\(object.path("range"))[1]", minimum: nil),
                  let step = log.number(items[2], "\(object.path("range"))[2]", minimum: nil) else {
                log.report(object.path("range"), object.field("range"), "expected [start, stop, step]")
                return []
            }
            guard step > 0, stop >= start, (stop - start) / step <= 100_000 else {
                log.report(object.path("range"), object.field("range"), "needs step > 0, stop ≥ start and at most 100000 values")
                return []
            }
            let count = Int(((stop - start) / step + 1e-9).rounded(.down))
            values = (0...count).map { start + Double($0) * step }.map { ($0 * 1e9).rounded() / 1e9 }
        } else {
            log.report(path, node, "a sweep needs values or range")
            return []
        }
        if object.has("value") { log.report(object.path("value"), object.field("value"), "a sweep takes values or range, not value") }
        return values.compactMap { read(node, path: path, log: log, sweepValue: $0, extraKeys: ["values", "range"]) }
    }
}
