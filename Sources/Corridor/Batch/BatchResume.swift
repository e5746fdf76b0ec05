import Foundation

/// What `--resume` finds in an existing output: the ids of the scenarios it already holds, after
/// dropping a half-written last line (left by a killed run) and bringing records written by earlier
/// versions into the current form.
///
/// A JSON Lines record is a finished scenario when its id is the scenario's and its `network` names
/// the scenario's file: spelled as the manifest's scenario spells it now, or — as versions before
/// relative `network`s wrote it — as an absolute path to the same file (symbolic links, `.` and `..`
/// resolved). Those old records are rewritten with the current spelling, through a temporary file
/// and a rename, so the output reads as one run of this version would have written it. An old
/// absolute path that names no file any more (the checkout moved) cannot be checked: that record is
/// matched by id, as earlier versions did, and kept as written. CSV outputs have no `network` column;
/// their records match by id alone.
///
/// A record of a failure that may pass on another run — the time limit, an LP too large for the
/// memory the jobs share — is taken out of the output (through the same rename) and its scenario
/// runs again, appended after the others.
///
/// The resume stops before anything is changed or run (an `InputError` naming the output and the
/// line) when the output is not one this batch could have written: a line that is no complete record,
/// a record whose id the manifest does not have, a second record of one scenario, or a record of a
/// scenario's id whose `network` names another file (skipping the scenario would keep a result for
/// another file, running it again would give the id two records).
public enum BatchResume {
    /// What an output already holds: the ids of its records, and of those the ids of error records —
    /// scenarios `--resume` does not run again (their failure is part of the output) but that still
    /// make the batch end with exit 1.
    public struct Completed: Sendable, Equatable {
        public var ids: Set<String> = []
        public var failedIds: Set<String> = []
        /// Scenarios whose failure may pass on another run (`BatchRecord.mayPassOnAnotherRun`):
        /// their records were taken out of the output, and they run again.
        public var retried: [String] = []

        mutating func insert(_ record: BatchRecord) {
            ids.insert(record.id)
            if record.status == "error" { failedIds.insert(record.id) }
        }
    }

    /// What the output at `path` holds (nothing when it does not exist), `scenarios` being every
    /// scenario of the manifest. Throws `InputError` (naming the output and the line) for an output
    /// this batch could not have written (above) and for a directory or a pipe, and file-system
    /// errors as they come.
    public static func completed(path: String, format: BatchOutput.Format,
                                 scenarios: [BatchScenario]) throws -> Completed {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return Completed() }
        let type = attributes[.type] as? FileAttributeType
        guard type == .typeRegular else {
            throw InputError(file: path, message: type == .typeDirectory
                ? "is a directory, not an output file"
                : "is not a regular file (a pipe or device): --resume reads what an output holds and appends to it")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard format == .jsonl else {
            // A CSV record may span lines (a quoted error message): complete means up to its end.
            let complete = data.prefix(BatchCSV.rows(in: data).complete)
            var ledger = Ledger(file: path, scenarios: scenarios)
            var kept: [BatchRecord] = []
            for (line, record) in try BatchOutput.numberedRecords(in: complete, format: format, file: path) {
                guard ledger.enter(record, line: line) != nil else { continue }
                if record.mayPassOnAnotherRun {
                    ledger.retry(record)
                } else {
                    kept.append(record)
                }
            }
            if !ledger.problems.isEmpty { throw InputError(ledger.problems) }
            if !ledger.completed.retried.isEmpty {
                let lines = [BatchRecord.csvHeader] + kept.map(\.csvLine)
                try BatchFilePath.replace(path, with: Data(lines.map { $0 + "\n" }.joined().utf8))
            } else if complete.count < data.count {
                try truncate(path, to: complete.count)
            }
            return ledger.completed
        }
        let complete = data.prefix(data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
        let review = try Review(complete, file: path, scenarios: scenarios)
        if review.rewritten {
            try BatchFilePath.replace(path, with: Data(review.lines.map { $0 + "\n" }.joined().utf8))
        } else if complete.count < data.count {
            try truncate(path, to: complete.count)
        }
        return review.ledger.completed
    }

    private static let advice = "; resume only into an output of this batch"

    /// The records met so far, checked against the manifest: ids it has, one record per id.
    private struct Ledger {
        let file: String
        let byId: [String: BatchScenario]
        var firstLines: [String: Int] = [:]
        var completed = Completed()
        var problems: [Diagnostic] = []

        init(file: String, scenarios: [BatchScenario]) {
            self.file = file
            byId = Dictionary(scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Records `record` (read on `line`) and returns its scenario; nil, with the problem noted,
        /// when the manifest has no such scenario or the output holds the scenario already.
        mutating func enter(_ record: BatchRecord, line: Int) -> BatchScenario? {
            guard let scenario = byId[record.id] else {
                problems.append(Diagnostic(file: file, path: "id", line: line,
                                           message: "scenario \"\(record.id)\" is not in the manifest\(advice)"))
                return nil
            }
            if let first = firstLines[record.id] {
                problems.append(Diagnostic(file: file, path: "id", line: line, message:
                    "scenario \"\(record.id)\" has a record on line \(first) already; delete one of them to resume"))
                return nil
            }
            firstLines[record.id] = line
            completed.insert(record)
            return scenario
        }

        /// Takes an entered record's scenario back out of what is done: it runs again.
        mutating func retry(_ record: BatchRecord) {
            completed.ids.remove(record.id)
            completed.failedIds.remove(record.id)
            completed.retried.append(record.id)
        }
    }

    /// The complete lines of a JSON Lines output, old records renamed, and what its records hold.
    private struct Review {
        var lines: [String] = []
        var ledger: Ledger
        var rewritten = false

        init(_ data: Data, file: String, scenarios: [BatchScenario]) throws(InputError) {
            ledger = Ledger(file: file, scenarios: scenarios)
            let files = BatchRecordCheck.FileIdentities()
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                lines.append(String(line))
                var record: BatchRecord
                switch BatchOutput.read(jsonLine: line, lineNumber: index + 1, file: file, advice: advice) {
                case .record(let read): record = read
                case .problem(let problem):
                    ledger.problems.append(problem)
                    continue
                }
                guard let scenario = ledger.enter(record, line: index + 1) else { continue }
                if record.mayPassOnAnotherRun {
                    lines.removeLast()
                    rewritten = true
                    ledger.retry(record)
                    continue
                }
                switch BatchRecordCheck.network(of: record, scenario: scenario, files: files) {
                case .same, .unverifiable:
                    break
                case .oldSpelling:
                    record.network = scenario.networkLabel
                    lines[lines.count - 1] = BatchOutput.jsonLine(record)
                    rewritten = true
                case .other(let network):
                    ledger.problems.append(Diagnostic(file: file, path: "network", line: index + 1, message:
                        BatchRecordCheck.otherNetwork(network, record: record, scenario: scenario)
                        + "; use a new output, or delete this line to run the scenario again"))
                }
            }
            if !ledger.problems.isEmpty { throw InputError(ledger.problems) }
        }
    }

    /// Cuts the output to its complete lines, so that appending continues cleanly.
    private static func truncate(_ path: String, to length: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(length))
    }
}
