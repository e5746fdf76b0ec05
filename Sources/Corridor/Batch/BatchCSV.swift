import Foundation

/// Reads Corridor's own batch CSV back (for `batch merge` and `--resume`): RFC 4180 records, whose
/// quoted fields may hold commas, quotes and line breaks (an error record's message can span lines).
enum BatchCSV {
    /// The columns of `BatchRecord.csvHeader`.
    static let columns = BatchRecord.csvHeader.split(separator: ",").map(String.init)

    /// One CSV record and the line it starts on (1-based); `closed` is false for a last record that
    /// ends inside a quoted field (cut short).
    struct Row: Equatable {
        var line: Int
        var fields: [String]
        var closed = true
    }

    /// The records of `data`, and the length in bytes of its complete part: up to the line break
    /// that ends the last record. A last record without a line break after it is returned too (not
    /// `closed` when it ends inside quotes, as a run killed mid-write can leave it); `complete`
    /// never includes it.
    static func rows(in data: Data) -> (rows: [Row], complete: Int) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1, rowLine = 1
        var complete = 0
        var rowStarted = false
        let bytes = [UInt8](data)
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote {
                quoted = true
                rowStarted = true
            } else if byte == comma {
                endField()
                rowStarted = true
            } else if byte == newline {
                if rowStarted || !field.isEmpty {
                    endField()
                    rows.append(Row(line: rowLine, fields: fields))
                }
                fields.removeAll()
                rowStarted = false
                complete = index + 1
                line += 1
                rowLine = line
            } else {
                field.append(byte)
                rowStarted = true
            }
            index += 1
        }
        if rowStarted || !field.isEmpty {
            endField()
            rows.append(Row(line: rowLine, fields: fields, closed: !quoted))
        }
        return (rows, complete)
    }

    /// A record from CSV fields in `columns` order; nil when the count is not the columns'.
    static func record(_ fields: [String]) -> BatchRecord? {
        guard fields.count == columns.count else { return nil }
        var values: [String: String] = [:]
        for (name, field) in zip(columns, fields) { values[name] = field }
        func n(_ key: String) -> Double? { values[key].flatMap(Double.init) }
        func i(_ key: String) -> Int? { values[key].flatMap { Int($0) } }
        var record = BatchRecord(id: values["id"] ?? "", network: nil, error: values["error"] ?? "")
        record.status = values["status"] ?? "error"
        if record.status != "error" {
            record.error = nil
            record.objective = n("objective")
            if let transport = n("transport"), let customs = n("customs"), let holding = n("holding"),
               let lateness = n("lateness"), let unmet = n("unmet_cost") {
                record.costs = CostBreakdown(transport: transport, customs: customs, holding: holding, lateness: lateness, unmet: unmet)
            }
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
