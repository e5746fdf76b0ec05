import Foundation

/// The batch output file: JSON Lines (one `BatchRecord` per line) or CSV. Appends and flushes line
/// by line (on `--resume`, after `BatchResume` has read what is already there).
public final class BatchOutput: @unchecked Sendable {
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
            if !FileManager.default.fileExists(atPath: path) {
                // A failure shows as the open below failing, with the path in the error.
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            self.handle = handle
            let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            if truncate, type == .typeRegular { try handle.truncate(atOffset: 0) }
            let end = handle.seekToEndOfFile()
            if end == 0, format == .csv { handle.write(Data((BatchRecord.csvHeader + "\n").utf8)) }
        } else {
            handle = FileHandle.standardOutput
            if format == .csv { handle.write(Data((BatchRecord.csvHeader + "\n").utf8)) }
        }
    }

    public func write(_ record: BatchRecord) {
        let line: String
        switch format {
        case .jsonl: line = Self.jsonLine(record)
        case .csv: line = record.csvLine
        }
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data((line + "\n").utf8))
    }

    /// One record as a single JSON line (sorted keys, snake_case).
    public static func jsonLine(_ record: BatchRecord) -> String {
        let data = (try? ReportJSON.encoder(layout: .singleLine).encode(record)) ?? Data("{\"id\":\"?\",\"status\":\"error\"}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One JSON Lines record (as `jsonLine` writes it), or nil when the line is not one.
    static func record(jsonLine line: Substring) -> BatchRecord? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(BatchRecord.self, from: Data(line.utf8))
    }

    /// Parses the complete records of an output (JSON Lines or CSV: id and status columns only for CSV).
    public static func records(in data: Data, format: Format) -> [BatchRecord] {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        switch format {
        case .jsonl:
            return lines.compactMap { record(jsonLine: $0) }
        case .csv:
            return lines.dropFirst().compactMap { line in
                let fields = CSVFields.split(String(line))
                guard fields.count >= 2 else { return nil }
                return CSVFields.record(fields)
            }
        }
    }
}

/// Minimal RFC 4180 field splitting for reading back Corridor's own CSV lines.
enum CSVFields {
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// A record from CSV fields in `BatchRecord.csvHeader` order.
    static func record(_ fields: [String]) -> BatchRecord? {
        let names = BatchRecord.csvHeader.split(separator: ",").map(String.init)
        guard fields.count == names.count else { return nil }
        var values: [String: String] = [:]
        for (name, field) in zip(names, fields) { values[name] = field }
        func n(_ key: String) -> Double? { values[key].flatMap(Double.init) }
        func i(_ key: String) -> Int? { values[key].flatMap { Int($0) } }
        var record = BatchRecord(id: values["id"] ?? "", network: nil, error: values["error"] ?? "")
        record.status = values["status"] ?? "error"
        if record.status != "error" {
            record.error = nil
            record.objective = n("objective")
            record.costs = CostBreakdown(transport: n("transport") ?? 0, customs: n("customs") ?? 0, holding: n("holding") ?? 0,
                                         lateness: n("lateness") ?? 0, unmet: n("unmet_cost") ?? 0)
            record.quantity = n("quantity")
            record.delivered = n("delivered")
            record.deliveredPct = n("delivered_pct")
            record.onTimePct = n("on_time_pct")
            record.unmet = n("unmet")
            record.lateUnitPeriods = n("late_unit_periods")
            if let rows = i("rows"), let columns = i("columns"), let nonzeros = i("nonzeros"), let iterations = i("iterations") {
                record.lp = .init(rows: rows, columns: columns, nonzeros: nonzeros, iterations: iterations)
            }
            record.solveSeconds = n("solve_seconds")
        }
        return record
    }
}
