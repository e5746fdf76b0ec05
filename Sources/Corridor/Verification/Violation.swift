/// One way a plan breaks the network's rules, e.g. `movements[2].legs[0]: link "rtm-ber" is closed in day 1`.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// Where in the plan (or `capacity` for a shared limit).
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// What the verifier found: the violations (none for a valid plan) and the loads it computed, which
/// reports reuse for utilization.
public struct VerificationResult: Sendable {
    public var violations: [Violation]
    public var loads: PlanLoads

    public var isValid: Bool { violations.isEmpty }
}

/// Capacity use of a plan, per element, period and dimension, in the same units as the capacities.
/// `link[arc][t][D]`, `border[rule][t][D]`, `storage[hub][t][D]`, `handling[hub][t][D]`.
public struct PlanLoads: Sendable {
    public var link: [[[Double]]]
    public var border: [[[Double]]]
    public var storage: [[[Double]]]
    public var handling: [[[Double]]]

    init(network: Network) {
        let empty = Array(repeating: Array(repeating: 0.0, count: network.dimensions.count), count: network.periods)
        link = Array(repeating: empty, count: network.arcs.count)
        border = Array(repeating: empty, count: network.borderRules.count)
        storage = Array(repeating: empty, count: network.hubs.count)
        handling = Array(repeating: empty, count: network.hubs.count)
    }
}
