/// Reads the fields of one object in a document: reports an object of the wrong kind and every
/// unknown key (typos must not be ignored), then hands out typed fields with their paths.
/// A field given as `null` counts as missing.
struct ObjectReader {
    let log: DecodingLog
    let path: String
    let node: DocumentNode
    private let fields: [String: DocumentNode]

    /// Nil (after reporting) when `node` is not an object.
    init?(_ node: DocumentNode, path: String, allowed: [String], log: DecodingLog) {
        guard case .map(let entries) = node.value else {
            log.report(path, node, "expected an object, found \(node.kindDescription)")
            return nil
        }
        self.log = log
        self.path = path
        self.node = node
        var fields: [String: DocumentNode] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                fields[entry.key] = entry.node
            } else {
                let suggestion = allowed.first { $0.lowercased() == entry.key.lowercased().replacingOccurrences(of: "-", with: "_") }
                let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
                log.report(Self.join(path, entry.key), entry.node, "unknown key\(hint)")
            }
        }
        self.fields = fields
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func path(_ key: String) -> String { Self.join(path, key) }

    /// The field's node, or nil when missing or null; reports it when `required`.
    func field(_ key: String, required: Bool = false) -> DocumentNode? {
        if let node = fields[key], !isNull(node) { return node }
        if required { log.report(path(key), fields[key] ?? node, "is required") }
        return nil
    }

    private func isNull(_ node: DocumentNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    func string(_ key: String, required: Bool = false) -> String? {
        field(key, required: required).flatMap { log.string($0, path(key)) }
    }

    func text(_ key: String, required: Bool = false) -> String? {
        field(key, required: required).flatMap { log.text($0, path(key)) }
    }

    func identifier(_ key: String, required: Bool = false) -> String? {
        field(key, required: required).flatMap { log.identifier($0, path(key)) }
    }

    func number(_ key: String, required: Bool = false, minimum: Double? = 0, exclusive: Bool = false,
                allowsTiny: Bool = false) -> Double? {
        field(key, required: required).flatMap {
            log.number($0, path(key), minimum: minimum, exclusive: exclusive, allowsTiny: allowsTiny)
        }
    }

    func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        field(key, required: required).flatMap { log.integer($0, path(key), in: range) }
    }

    func bool(_ key: String) -> Bool? {
        field(key).flatMap { log.bool($0, path(key)) }
    }

    func list(_ key: String, required: Bool = false) -> [DocumentNode]? {
        field(key, required: required).flatMap { log.list($0, path(key)) }
    }

    func vector(_ key: String, dimensions: [String], missing: Double) -> DimensionVector? {
        field(key).flatMap { log.vector($0, path(key), dimensions: dimensions, missing: missing) }
    }

    /// True when the field is present (even if invalid): used to tell "absent, take the default"
    /// from "given but wrong, already reported".
    func has(_ key: String) -> Bool { field(key) != nil }
}
