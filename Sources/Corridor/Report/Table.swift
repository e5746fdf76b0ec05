import Foundation

/// A plain-text table with padded columns, for terminal reports.
struct Table {
    var header: [String]
    var rows: [[String]]
    var rightAligned: Set<Int> = []

    func lines() -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return [render(header), render(widths.map { String(repeating: "─", count: $0) })] + rows.map(render)
    }
}
