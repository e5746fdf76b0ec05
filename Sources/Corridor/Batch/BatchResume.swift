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
/// matched by id, as earlier versions did, and kept as written. A record with a scenario's id whose
/// `network` names another file stops the resume before anything is changed or run: skipping the
/// scenario would keep a result for another file, running it again would give the id two records.
/// CSV outputs have no `network` column; their records match by id alone.
public enum BatchResume {
    /// What an output already holds: the ids of its records, and of those the ids of error records —
    /// scenarios `--resume` does not run again (their failure is part of the output) but that still
    /// make the batch end with exit 1.
    public struct Completed: Sendable, Equatable {
        public var ids: Set<String> = []
        public var failedIds: Set<String> = []
    }

    /// What the output at `path` holds (nothing when it does not exist), `scenarios` being every
    /// scenario of the manifest. Throws `InputError` (naming the output, line and `network`) for
    /// records of another file, for lines that are not records of `format` (another format, a
    /// foreign file) and for a directory or a pipe, and file-system errors as they come.
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
            let records = try BatchOutput.records(in: complete, format: format, file: path)
            if complete.count < data.count { try truncate(path, to: complete.count) }
            return Completed(ids: Set(records.map(\.id)), failedIds: Set(records.filter { $0.status == "error" }.map(\.id)))
        }
        let complete = data.prefix(data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
        let review = try Review(complete, file: path, scenarios: scenarios)
        if review.rewritten {
            try BatchFilePath.replace(path, with: Data(review.lines.map { $0 + "\n" }.joined().utf8))
        } else if complete.count < data.count {
            try truncate(path, to: complete.count)
        }
        return review.completed
    }

    /// The complete lines of a JSON Lines output, old records renamed, and what its records hold.
    private struct Review {
        var lines: [String] = []
        var completed = Completed()
        var rewritten = false

        init(_ data: Data, file: String, scenarios: [BatchScenario]) throws(InputError) {
            let byId = Dictionary(scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            // The real file of each scenario network, looked up once per distinct path.
            var realFiles: [String: String] = [:]
            var problems: [Diagnostic] = []
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                lines.append(String(line))
                guard var record = BatchOutput.record(jsonLine: line) else {
                    problems.append(BatchOutput.notAJSONLinesRecord(line, lineNumber: index + 1, file: file,
                                                                    advice: "; resume only into an output of this batch"))
                    continue
                }
                completed.ids.insert(record.id)
                if record.status == "error" { completed.failedIds.insert(record.id) }
                guard let scenario = byId[record.id], let network = record.network, network != scenario.networkLabel else {
                    continue
                }
                let recordFile = network.hasPrefix("/") ? BatchFilePath.real(network) : nil
                if network.hasPrefix("/"), recordFile == nil {
                    // An old absolute path that names nothing any more (the checkout moved): it cannot be
                    // checked, so it is matched by id as earlier versions did, and kept as written.
                    continue
                }
                let scenarioFile = realFiles[scenario.network] ?? BatchFilePath.identity(scenario.network)
                realFiles[scenario.network] = scenarioFile
                if let recordFile, recordFile == scenarioFile {
                    record.network = scenario.networkLabel
                    lines[lines.count - 1] = BatchOutput.jsonLine(record)
                    rewritten = true
                } else {
                    problems.append(Diagnostic(file: file, path: "network", line: index + 1, message:
                        "scenario \"\(record.id)\" was run on \(network), but the manifest gives \(scenario.networkLabel); "
                        + "use a new output, or delete this line to run the scenario again"))
                }
            }
            if !problems.isEmpty { throw InputError(problems) }
        }
    }

    /// Cuts the output to its complete lines, so that appending continues cleanly.
    private static func truncate(_ path: String, to length: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(length))
    }

}
