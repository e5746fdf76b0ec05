import XCTest
@testable import CorridorLP

/// The pure-Swift builder API of ``LinearProgram``.
final class LinearProgramTests: XCTestCase {
    func testBuilderCountsAndIndices() {
        var lp = LinearProgram()
        lp.reserve(rows: 2, columns: 3, nonZeros: 4)
        XCTAssertEqual(lp.addColumn(), 0)
        XCTAssertEqual(lp.addColumn(lower: -1, upper: 1, objective: 4), 1)
        XCTAssertEqual(lp.addRow(lower: 0, upper: 2), 0)
        lp.addEntry(row: 0, column: 1, value: 3)
        XCTAssertEqual(lp.numberOfRows, 1)
        XCTAssertEqual(lp.numberOfColumns, 2)
        XCTAssertEqual(lp.numberOfNonZeros, 1)
        XCTAssertEqual(lp.columnLower, [0, -1])
        XCTAssertEqual(lp.columnUpper, [.infinity, 1])
        XCTAssertEqual(lp.objective, [0, 4])
        XCTAssertEqual(lp.entryRow, [0])
        XCTAssertEqual(lp.entryColumn, [1])
        XCTAssertEqual(lp.entryValue, [3])
        XCTAssertNil(lp.columnNames)
        XCTAssertNil(lp.rowNames)
    }

    /// Mixing named and unnamed items fills the gaps with GLPK-style placeholders.
    /// A x by hand: rows x0 + 2 x1 and 3 x1 − x2 (entries in any order, a repeated entry adds up).
    func testRowActivities() {
        var lp = LinearProgram()
        for _ in 0..<3 { lp.addColumn() }
        lp.addRow(upper: 10)
        lp.addRow(upper: 10)
        lp.addEntry(row: 1, column: 2, value: -1)
        lp.addEntry(row: 0, column: 0, value: 1)
        lp.addEntry(row: 1, column: 1, value: 3)
        lp.addEntry(row: 0, column: 1, value: 2)
        XCTAssertEqual(lp.rowActivities(of: [1, 2, 4]), [5, 2])
        XCTAssertEqual(lp.rowActivities(of: [0, 0, 0]), [0, 0])
    }

    func testPlaceholderNames() throws {
        var lp = LinearProgram()
        lp.addColumn()
        lp.addColumn(name: "flow")
        lp.addColumn()
        lp.addRow()
        lp.addRow()
        lp.addRow(name: "balance")
        XCTAssertEqual(lp.columnNames, ["x_1", "flow", "x_3"])
        XCTAssertEqual(lp.rowNames, ["r_1", "r_2", "balance"])
        try lp.validate()
    }
}
