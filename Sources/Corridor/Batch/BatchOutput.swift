import Foundation

/// The batch output file: JSON Lines (one `BatchRecord` per line) or CSV. Appends and flushes line
/// by line (on `--resume`, after `BatchResume` has read what is already there).
public final class BatchOutput: @unchecked Sendable {
    /// The record format of an output file: JSON Lines or CSV (docs/batch.md).
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    private let handle: FileHandle
    private let format: Format
    private let lock = NSLock()

    /// Opens `path` for appending (`nil`: standard output), or emptied first with `truncate`.
    /// Writes the CSV header to an empty file.
    public init(path: String?, format: Format, truncate: Bool = false) throws {
        self.format = format
        if let path {
            // open(2) itself, so that the error says why (no such directory, permission, a directory).
            let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputFileError(path: path, code: errno) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            self.handle = handle
            // A pipe, FIFO or terminal (`--output /dev/stderr`) is written as a stream: it cannot
            // seek (seekToEndOfFile trapped on it) and starts empty.
            var info = stat()
            let regular = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            var end: UInt64 = 0
            if regular {
                if truncate { try handle.truncate(atOffset: 0) }
                end = try handle.seekToEnd()
            }
            if end == 0, format == .csv { try handle.write(contentsOf: Data((BatchRecord.csvHeader + "\n").utf8)) }
        } else {
            handle = FileHandle.standardOutput
            if format == .csv { try handle.write(contentsOf: Data((BatchRecord.csvHeader + "\n").utf8)) }
        }
    }

    /// Why `path` cannot be a batch's output, before anything runs: it is the manifest or one of the
    /// files read (`inputs`: the scenarios' networks; records appended to one made it invalid YAML,
    /// a merge written over the manifest replaced it), or — unless `mayHoldResults` — a regular file that
    /// already holds something (a second plain run appended a second record of every scenario,
    /// an output `--resume` then refuses). `mayHoldResults`: `--resume`, or `batch merge`, which
    /// writes its output anew. Nil when it can be.
    public static func refusal(output path: String, manifest: String, inputs: [String], mayHoldResults: Bool) -> InputError? {
        let target = BatchFilePath.identity(path)
        if target == BatchFilePath.identity(manifest) {
            return InputError(file: path, message: "is the manifest: the output would write over it; give another --output")
        }
        var seen = Set<String>()
        for input in inputs where seen.insert(input).inserted {
            if BatchFilePath.identity(input) == target {
                return InputError(file: path, message: "is \(input), a network the batch reads: the output would write into it; "
                                  + "give another --output")
            }
        }
        if !mayHoldResults, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           attributes[.type] as? FileAttributeType == .typeRegular,
           let size = attributes[.size] as? NSNumber, size.intValue > 0 {
            return InputError(file: path, message: "already holds results: add --resume to carry on from them, "
                              + "or remove the file to start again")
        }
        return nil
    }

    /// Appends one record as a line. Throws when the output cannot be written (a full disk,
    /// `/dev/full`, a closed pipe).
    public func write(_ record: BatchRecord) throws {
        let line: String
        switch format {
        case .jsonl: line = Self.jsonLine(record)
        case .csv: line = record.csvLine
        }
        lock.lock()
        defer { lock.unlock() }
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// One record as a single JSON line (sorted keys, snake_case).
    public static func jsonLine(_ record: BatchRecord) -> String {
        let data = (try? ReportJSON.encoder(layout: .singleLine).encode(record)) ?? Data("{\"id\":\"?\",\"status\":\"error\"}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One line of a JSON Lines output read back: a complete record, or why it is not one.
    enum ReadLine {
        case record(BatchRecord)
        case problem(Diagnostic)
    }

    /// Reads line `lineNumber` of a JSON Lines output `file`; `advice` follows a problem's message.
    static func read(jsonLine line: Substring, lineNumber: Int, file: String, advice: String = "") -> ReadLine {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let record = try? decoder.decode(BatchRecord.self, from: Data(line.utf8)) else {
            let hint = line == BatchRecord.csvHeader ? " (this is a CSV output: --format csv)" : ""
            return .problem(Diagnostic(file: file, path: "", line: lineNumber,
                                       message: "not a Corridor batch record in JSON Lines\(hint)\(advice)"))
        }
        if let incompleteness = BatchRecordCheck.incompleteness(of: record) {
            return .problem(Diagnostic(file: file, path: "", line: lineNumber,
                                       message: "not a complete Corridor batch record: \(incompleteness)\(advice)"))
        }
        return .record(record)
    }

    /// The records of an output written in `format` (for CSV, the columns the CSV has). Every
    /// non-empty line must be a complete record, and a CSV must start with this version's header: a
    /// line that is not (an output of the other format, another file, another version's columns, a
    /// record missing a field its status requires) is an `InputError` naming `file` and the line, so
    /// that merging or resuming never mixes forms.
    public static func records(in data: Data, format: Format, file: String) throws(InputError) -> [BatchRecord] {
        try numberedRecords(in: data, format: format, file: file).map(\.record)
    }

    /// The records of the output file at `path` (`records(in:format:file:)`); a missing file, a
    /// directory or one that cannot be read is an `InputError` naming it.
    public static func records(atPath path: String, format: Format) throws(InputError) -> [BatchRecord] {
        try records(in: InputBytes.read(path: path, file: path, kind: "batch output file"), format: format, file: path)
    }

    /// `records(in:format:file:)` with the line each record starts on (1-based).
    static func numberedRecords(in data: Data, format: Format, file: String) throws(InputError) -> [(line: Int, record: BatchRecord)] {
        var records: [(line: Int, record: BatchRecord)] = []
        var problems: [Diagnostic] = []
        switch format {
        case .jsonl:
            let text = String(decoding: data, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                switch read(jsonLine: line, lineNumber: index + 1, file: file) {
                case .record(let record): records.append((index + 1, record))
                case .problem(let problem): problems.append(problem)
                }
            }
        case .csv:
            let rows = BatchCSV.rows(in: data).rows
            if let header = rows.first, header.fields != BatchCSV.columns {
                let hint = header.fields.first?.hasPrefix("{") == true ? " (this is a JSON Lines output: --format jsonl)" : ""
                throw InputError(file: file, line: header.line,
                                 message: "not Corridor's batch CSV header \"\(BatchRecord.csvHeader)\"\(hint)")
            }
            for row in rows.dropFirst() {
                if !row.closed {
                    problems.append(Diagnostic(file: file, path: "", line: row.line,
                                               message: "record cut short: a quoted field is not closed"))
                } else if let record = BatchCSV.record(row.fields) {
                    if let incompleteness = BatchRecordCheck.incompleteness(of: record) {
                        problems.append(Diagnostic(file: file, path: "", line: row.line,
                                                   message: "not a complete Corridor batch record: \(incompleteness)"))
                    } else {
                        records.append((row.line, record))
                    }
                } else {
                    problems.append(Diagnostic(file: file, path: "", line: row.line, message:
                        "not a Corridor batch record in CSV (\(row.fields.count) fields, not \(BatchCSV.columns.count))"))
                }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return records
    }
}
