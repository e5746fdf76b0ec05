/// The kinds of finite capacity a plan can run into: one direction of a link, a border rule's
/// clearance, a hub's storage (units held from one period to the next) or a hub's handling
/// (departures plus arrivals). Shared by `Bottleneck` (capacities whose duals are non-zero) and
/// `Utilization` (how close the plan runs each capacity to its limit).
///
/// The raw values are the words written in reports and plan JSON (`"kind": "border"`), so they are
/// part of the output format. Not to be confused with `FailureElement.Kind`: what can *fail* in a
/// resilience analysis (a link direction, a whole hub, a border rule), not what can bind.
public enum CapacityKind: String, Sendable, Codable, CaseIterable {
    case link, border, storage, handling

    /// Decodes one of the four words; anything else is an error that lists them (a plan read by
    /// `corridor verify` may have been edited by hand).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let kind = CapacityKind(rawValue: word) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(word)\" is not a kind of capacity (link, border, storage or handling)")
        }
        self = kind
    }
}
