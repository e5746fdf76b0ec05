/// Combines the records of several shard outputs: one record per scenario id (the first seen when
/// a scenario was run twice), in manifest order when the manifest's ids are given (else by id),
/// and the list of what is wrong — missing, duplicated, or unknown scenarios.
public struct BatchMerge: Sendable {
    public var merged: [BatchRecord]
    public var missing: [String]
    public var duplicated: [String]
    public var unexpected: [String]

    public init(records: [BatchRecord], expected: [String]?) {
        var byId: [String: BatchRecord] = [:]
        var duplicated: [String] = []
        for record in records {
            if byId[record.id] == nil { byId[record.id] = record } else if !duplicated.contains(record.id) { duplicated.append(record.id) }
        }
        if let expected {
            let known = Set(expected)
            merged = expected.compactMap { byId[$0] }
            missing = expected.filter { byId[$0] == nil }
            unexpected = byId.keys.filter { !known.contains($0) }.sorted()
        } else {
            merged = byId.keys.sorted().map { byId[$0]! }
            missing = []
            unexpected = []
        }
        self.duplicated = duplicated
    }

    public var problems: [String] {
        var lines: [String] = []
        if !missing.isEmpty { lines.append("\(missing.count) scenarios missing: \(missing.joined(separator: ", "))") }
        if !duplicated.isEmpty { lines.append("\(duplicated.count) scenarios appear more than once: \(duplicated.joined(separator: ", "))") }
        if !unexpected.isEmpty { lines.append("\(unexpected.count) records are not in the manifest: \(unexpected.joined(separator: ", "))") }
        return lines
    }
}
