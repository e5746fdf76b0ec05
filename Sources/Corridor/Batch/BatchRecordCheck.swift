import Foundation

/// Checks records read back from a batch output — by `--resume` and `batch merge` — so that neither
/// carries on from an output that is not what this batch would have written: each record complete for
/// its status (docs/schemas/batch-result.schema.json), and, against the manifest, an id the manifest
/// has, one record per id, and a `network` that names the scenario's file.
enum BatchRecordCheck {
    /// What a decoded record lacks to be one Corridor writes (an empty id, a status other than
    /// `optimal` or `error`, a field its status requires), in words; nil when it is complete.
    static func incompleteness(of record: BatchRecord) -> String? {
        if record.id.isEmpty { return "a record without an id" }
        switch record.status {
        case "error":
            return record.error == nil ? "an error record without \"error\"" : nil
        case "optimal":
            let required: [(String, Bool)] = [
                ("objective", record.objective != nil), ("costs", record.costs != nil),
                ("delivered_pct", record.deliveredPct != nil), ("on_time_pct", record.onTimePct != nil),
                ("unmet", record.unmet != nil), ("lp", record.lp != nil),
            ]
            let missing = required.filter { !$0.1 }.map(\.0)
            return missing.isEmpty ? nil : "an optimal record without \(missing.joined(separator: ", "))"
        default:
            return "status \"\(record.status)\" is neither \"optimal\" nor \"error\""
        }
    }

    /// How a record's `network` relates to its scenario's file.
    enum NetworkMatch: Equatable {
        /// Spelled as the manifest's scenario spells it now, or not recorded (CSV has no column).
        case same
        /// An absolute path to the same file, as versions before relative `network`s wrote it.
        case oldSpelling
        /// An old absolute path that names no file any more (the checkout moved): cannot be checked.
        case unverifiable
        /// Another file.
        case other(String)
    }

    /// Resolves scenario files once per distinct path while records are checked.
    final class FileIdentities {
        private var identities: [String: String] = [:]

        func identity(of path: String) -> String {
            if let known = identities[path] { return known }
            let identity = BatchFilePath.identity(path)
            identities[path] = identity
            return identity
        }
    }

    static func network(of record: BatchRecord, scenario: BatchScenario, files: FileIdentities) -> NetworkMatch {
        guard let network = record.network, network != scenario.networkLabel else { return .same }
        guard network.hasPrefix("/") else { return .other(network) }
        guard let recordFile = BatchFilePath.real(network) else { return .unverifiable }
        return recordFile == files.identity(of: scenario.network) ? .oldSpelling : .other(network)
    }

    /// The message for a record run on another file than its scenario's.
    static func otherNetwork(_ network: String, record: BatchRecord, scenario: BatchScenario) -> String {
        "scenario \"\(record.id)\" was run on \(network), but the manifest gives \(scenario.networkLabel)"
    }
}
