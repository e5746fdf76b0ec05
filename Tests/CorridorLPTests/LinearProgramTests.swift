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

    /// Dropping the middle of three rows: rows renumbered, entries in their order, columns untouched.
    func testKeepingRows() {
        var lp = LinearProgram(name: "p")
        lp.addColumn(upper: 5, objective: 1, name: "a")
        lp.addColumn(upper: 6, objective: 2, name: "b")
        lp.addRow(lower: 1, upper: 2, name: "r0")
        lp.addRow(lower: 3, upper: 4, name: "r1")
        lp.addRow(lower: -.infinity, upper: 7, name: "r2")
        lp.addEntry(row: 2, column: 1, value: 9)
        lp.addEntry(row: 1, column: 0, value: 8)
        lp.addEntry(row: 0, column: 1, value: 7)
        lp.addEntry(row: 2, column: 0, value: 6)
        let kept = lp.keepingRows([true, false, true])
        XCTAssertEqual(kept.rowLower, [1, -.infinity])
        XCTAssertEqual(kept.rowUpper, [2, 7])
        XCTAssertEqual(kept.rowNames, ["r0", "r2"])
        XCTAssertEqual(kept.entryRow, [1, 0, 1])
        XCTAssertEqual(kept.entryColumn, [1, 1, 0])
        XCTAssertEqual(kept.entryValue, [9, 7, 6])
        XCTAssertEqual(kept.columnUpper, [5, 6])
        XCTAssertEqual(kept.objective, [1, 2])
        XCTAssertEqual(kept.columnNames, ["a", "b"])
        XCTAssertEqual(lp.keepingRows([true, true, true]), lp)
        XCTAssertEqual(lp.keepingRows([false, false, false]).numberOfNonZeros, 0)
    }

    /// Mixing named and unnamed items fills the gaps with GLPK-style placeholders.
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

/// `LinearProgram.magnitudeSpread`: largest over smallest non-zero magnitude.
final class MagnitudeSpreadTests: XCTestCase {
    /// smallMax's numbers: entries 1 and 3, objective 3 and 2, row bounds 4, 6, 3, column bounds 0 and
    /// ∞ (ignored) ⇒ 6 / 1 = 6. A 1e-12 entry makes it 6e12; a −1e3 bound counts by magnitude.
    func testSpreadOverEntriesObjectiveAndFiniteBounds() {
        var lp = Fixtures.smallMax()
        XCTAssertEqual(lp.magnitudeSpread, 6)
        lp.rowLower[0] = -1e3
        XCTAssertEqual(lp.magnitudeSpread, 1e3)
        lp.entryValue[0] = 1e-12
        XCTAssertEqual(lp.magnitudeSpread, 1e15, accuracy: 1)
        XCTAssertEqual(LinearProgram().magnitudeSpread, 1)
    }
}
