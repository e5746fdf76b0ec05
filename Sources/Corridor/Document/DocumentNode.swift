/// A parsed network document, independent of its syntax: the tree that both the JSON and the YAML
/// readers produce and that `NetworkDecoder` reads. Each node remembers its line (when the parser
/// gives one) so that diagnostics can point at it.
public struct DocumentNode: Sendable {
    /// The value of a node.
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case list([DocumentNode])
        /// Keys in document order. Duplicate keys are rejected by the readers.
        case map([Entry])
    }

    /// One key of a mapping with its value.
    public struct Entry: Sendable {
        public var key: String
        public var node: DocumentNode
        public init(key: String, node: DocumentNode) {
            self.key = key
            self.node = node
        }
    }

    public var value: Value
    /// 1-based line in the source, when known (YAML).
    public var line: Int?
    /// The source text of a YAML plain scalar (`NO`, `123`, `yes`): identifiers and country codes
    /// are read from it, so `country: NO` is Norway and not `false` (contract §4.11).
    public var plainText: String?

    public init(_ value: Value, line: Int? = nil, plainText: String? = nil) {
        self.value = value
        self.line = line
        self.plainText = plainText
    }

    /// A short name of the node's kind, for messages ("expected a number, found a list").
    public var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .list: return "a list"
        case .map: return "an object"
        }
    }
}
