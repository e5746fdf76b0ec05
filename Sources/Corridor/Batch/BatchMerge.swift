/// Combines the records of several shard outputs: one record per scenario id (the first seen when
/// a scenario was run twice), in manifest order when the manifest's scenarios are given (else by id),
/// and the list of what is wrong — missing, duplicated or unknown scenarios, and records run on
/// another network file than the manifest's scenario names. A record that names the scenario's file
/// in an earlier version's spelling (an absolute path) is merged with the current spelling.
public struct BatchMerge: Sendable {
    public var merged: [BatchRecord]
    public var missing: [String]
    public var duplicated: [String]
    public var unexpected: [String]
    /// Scenarios whose record was run on another network file than the manifest gives.
    public var otherNetworks: [String]

    public init(records: [BatchRecord], scenarios: [BatchScenario]?) {
        var byId: [String: BatchRecord] = [:]
        var duplicated: [String] = []
        for record in records {
            if byId[record.id] == nil { byId[record.id] = record } else if !duplicated.contains(record.id) { duplicated.append(record.id) }
        }
        otherNetworks = []
        if let scenarios {
            let known = Set(scenarios.map(\.id))
            let files = BatchRecordCheck.FileIdentities()
            var merged: [BatchRecord] = []
            var missing: [String] = []
            for scenario in scenarios {  // ids are unique in a manifest
                guard var record = byId[scenario.id] else {
                    missing.append(scenario.id)
                    continue
                }
                switch BatchRecordCheck.network(of: record, scenario: scenario, files: files) {
                case .same, .unverifiable: break
                case .oldSpelling: record.network = scenario.networkLabel
                case .other: otherNetworks.append(scenario.id)
                }
                merged.append(record)
            }
            self.merged = merged
            self.missing = missing
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
        if !missing.isEmpty {
            lines.append("\(Readable.counted(missing.count, "scenario")) missing: \(missing.joined(separator: ", "))")
        }
        if !duplicated.isEmpty {
            lines.append("\(Readable.counted(duplicated.count, "scenario")) more than once: \(duplicated.joined(separator: ", "))")
        }
        if !unexpected.isEmpty {
            lines.append("\(Readable.counted(unexpected.count, "record")) not in the manifest: \(unexpected.joined(separator: ", "))")
        }
        if !otherNetworks.isEmpty {
            lines.append("\(Readable.counted(otherNetworks.count, "record")) run on another network than the manifest gives: "
                         + otherNetworks.joined(separator: ", "))
        }
        return lines
    }
}
