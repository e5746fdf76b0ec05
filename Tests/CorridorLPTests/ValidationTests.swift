import XCTest
@testable import CorridorLP

/// Every input GLPK would abort on is reported as an ``LPError`` instead.
final class ValidationTests: XCTestCase {
    /// Asserts that both `validate()` and `GLPKProblem.init` throw `expected` for `lp`.
    private func assertRejected(
        _ lp: LinearProgram, _ expected: LPError, file: StaticString = #filePath, line: UInt = #line
    ) {
        assertThrows(expected, file: file, line: line) { () throws(LPError) in try lp.validate() }
        assertThrows(expected, file: file, line: line) { () throws(LPError) in try GLPKProblem(lp) }
    }

    func testValidProgramsPass() throws {
        try Fixtures.smallMax().validate()
        try Fixtures.equalityMin().validate()
        try LinearProgram().validate()
        try Fixtures.transportation(sources: 30, sinks: 40).validate()
    }

    func testEntryIndexOutOfRange() {
        var lp = Fixtures.smallMax()
        lp.addEntry(row: 3, column: 0, value: 1)
        assertRejected(lp, .entryOutOfRange(entry: 5, row: 3, column: 0, rows: 3, columns: 2))

        lp = Fixtures.smallMax()
        lp.addEntry(row: 0, column: -1, value: 1)
        assertRejected(lp, .entryOutOfRange(entry: 5, row: 0, column: -1, rows: 3, columns: 2))

        lp = Fixtures.smallMax()
        lp.addEntry(row: Int.max, column: 0, value: 1)  // clamped to Int32.max, still caught
        assertRejected(lp, .entryOutOfRange(entry: 5, row: Int(Int32.max), column: 0, rows: 3, columns: 2))

        var noRows = LinearProgram()
        noRows.addColumn()
        noRows.addEntry(row: 0, column: 0, value: 1)
        assertRejected(noRows, .entryOutOfRange(entry: 0, row: 0, column: 0, rows: 0, columns: 1))
    }

    func testDuplicateEntry() {
        var lp = Fixtures.smallMax()
        lp.addEntry(row: 2, column: 1, value: 7)   // entry 5: new position, fine
        lp.addEntry(row: 1, column: 0, value: 2)   // entry 6 repeats entry 2 (labour, x)
        assertRejected(lp, .duplicateEntry(row: 1, column: 0, firstEntry: 2, secondEntry: 6))

        // Even a duplicate explicit zero is rejected: glp_load_matrix checks before dropping zeros.
        var zeros = LinearProgram()
        zeros.addRow(upper: 1)
        zeros.addColumn()
        zeros.addEntry(row: 0, column: 0, value: 0)
        zeros.addEntry(row: 0, column: 0, value: 0)
        assertRejected(zeros, .duplicateEntry(row: 0, column: 0, firstEntry: 0, secondEntry: 1))
    }

    /// Non-zero entries far outside 1e-100…1e100 are refused before GLPK's scaling sees them (it
    /// aborts with "glp_set_sjj: invalid scale factor" on 1e-300 next to 1); zeros are fine.
    func testBadlyScaledEntries() {
        var lp = Fixtures.smallMax()
        lp.entryValue[3] = 1e-300
        assertRejected(lp, .badlyScaledEntry(entry: 3, value: 1e-300))
        lp.entryValue[3] = -1e101
        assertRejected(lp, .badlyScaledEntry(entry: 3, value: -1e101))
        lp.entryValue[3] = 0
        XCTAssertNoThrow(try lp.validate())
    }

    /// At the edges of the accepted range GLPK scales and solves without aborting: every entry of
    /// one row is 1e-100 or 1e100 apart from 1. max x + y s.t. 1e-100·x + y ≤ 1, x + 1e100·y ≤ 2e100,
    /// x ≤ 1 (column bound): the first row allows y ≤ 1 − 1e-100·x, so x = 1, y = 1 (in Double).
    func testEdgeMagnitudesScaleWithoutAborting() throws {
        for scaling in [SolveOptions.Scaling.automatic, .geometricMean] {
            var lp = LinearProgram(sense: .maximize)
            let x = lp.addColumn(lower: 0, upper: 1, objective: 1)
            let y = lp.addColumn(objective: 1)
            let r1 = lp.addRow(upper: 1)
            let r2 = lp.addRow(upper: 2e100)
            lp.addEntry(row: r1, column: x, value: 1e-100)
            lp.addEntry(row: r1, column: y, value: 1)
            lp.addEntry(row: r2, column: x, value: 1)
            lp.addEntry(row: r2, column: y, value: 1e100)
            let problem = try GLPKProblem(lp)
            XCTAssertEqual(problem.solve(SolveOptions(scaling: scaling)), .optimal)
            XCTAssertEqual(problem.solveExactly(), .optimal)
            XCTAssertEqual(problem.objectiveValue, 2, accuracy: 1e-9)
        }
    }

    func testNonFiniteNumbers() {
        var lp = Fixtures.smallMax()
        lp.entryValue[3] = .nan
        assertRejected(lp, .nonFiniteValue(field: "entryValue", index: 3))
        lp.entryValue[3] = .infinity
        assertRejected(lp, .nonFiniteValue(field: "entryValue", index: 3))

        lp = Fixtures.smallMax()
        lp.objective[1] = .nan
        assertRejected(lp, .nonFiniteValue(field: "objective", index: 1))
        lp.objective[1] = -.infinity
        assertRejected(lp, .nonFiniteValue(field: "objective", index: 1))

        lp = Fixtures.smallMax()
        lp.objectiveConstant = .nan
        assertRejected(lp, .nonFiniteValue(field: "objectiveConstant", index: 0))

        lp = Fixtures.smallMax()
        lp.columnLower[1] = .nan
        assertRejected(lp, .nonFiniteValue(field: "columnLower", index: 1))
        lp = Fixtures.smallMax()
        lp.rowUpper[2] = .nan
        assertRejected(lp, .nonFiniteValue(field: "rowUpper", index: 2))
    }

    func testInvalidBounds() {
        var lp = Fixtures.smallMax()
        lp.columnLower[0] = 5
        lp.columnUpper[0] = 4
        assertRejected(lp, .invalidBounds(.column, index: 0, lower: 5, upper: 4))

        lp = Fixtures.smallMax()
        lp.rowUpper[1] = -.infinity
        assertRejected(lp, .invalidBounds(.row, index: 1, lower: -.infinity, upper: -.infinity))

        lp = Fixtures.smallMax()
        lp.columnLower[1] = .infinity
        assertRejected(lp, .invalidBounds(.column, index: 1, lower: .infinity, upper: .infinity))

        lp = Fixtures.smallMax()
        lp.rowLower[0] = 4.5  // 4.5 ≤ row ≤ 4
        assertRejected(lp, .invalidBounds(.row, index: 0, lower: 4.5, upper: 4))
    }

    func testMismatchedLengths() {
        var lp = Fixtures.smallMax()
        lp.columnUpper.append(1)
        assertRejected(lp, .lengthMismatch(field: "columnUpper", expected: 2, actual: 3))

        lp = Fixtures.smallMax()
        lp.objective.removeLast()
        assertRejected(lp, .lengthMismatch(field: "objective", expected: 2, actual: 1))

        lp = Fixtures.smallMax()
        lp.rowUpper.removeAll()
        assertRejected(lp, .lengthMismatch(field: "rowUpper", expected: 3, actual: 0))

        lp = Fixtures.smallMax()
        lp.entryColumn.append(0)
        assertRejected(lp, .lengthMismatch(field: "entryColumn", expected: 5, actual: 6))

        lp = Fixtures.smallMax()
        lp.entryValue.removeFirst()
        assertRejected(lp, .lengthMismatch(field: "entryValue", expected: 5, actual: 4))

        lp = Fixtures.smallMax()
        lp.rowNames?.append("extra")
        assertRejected(lp, .lengthMismatch(field: "rowNames", expected: 3, actual: 4))

        lp = Fixtures.smallMax()
        lp.columnNames = ["x"]
        assertRejected(lp, .lengthMismatch(field: "columnNames", expected: 2, actual: 1))
    }

    func testBadNames() {
        func rejectColumnName(_ name: String, reason: String, line: UInt = #line) {
            var lp = Fixtures.smallMax()
            lp.columnNames![1] = name
            assertRejected(lp, .invalidName(.column, index: 1, name: name, reason: reason), line: line)
        }
        rejectColumnName("", reason: "it is empty")
        rejectColumnName("has space", reason: "it contains whitespace")
        rejectColumnName("tab\there", reason: "it contains a control character")
        rejectColumnName("nul\0byte", reason: "it contains a control character")
        rejectColumnName("line\nbreak", reason: "it contains a control character")
        rejectColumnName(String(repeating: "a", count: 256), reason: "it is longer than 255 UTF-8 bytes")
        // 128 × "é" is 128 characters but 256 UTF-8 bytes: too long for GLPK.
        rejectColumnName(String(repeating: "é", count: 128), reason: "it is longer than 255 UTF-8 bytes")

        var lp = Fixtures.smallMax()
        lp.rowNames![2] = "no-break\u{00A0}space"
        assertRejected(lp, .invalidName(.row, index: 2, name: "no-break\u{00A0}space",
                                        reason: "it contains whitespace"))

        lp = Fixtures.smallMax()
        lp.name = "two words"
        assertRejected(lp, .invalidName(.problem, index: 0, name: "two words", reason: "it contains whitespace"))

        // Accepted: 255 bytes, duplicates, punctuation, non-ASCII letters, empty problem name.
        lp = Fixtures.smallMax()
        lp.name = ""
        lp.columnNames = [String(repeating: "b", count: 255), "größe_ü"]
        lp.rowNames = ["same", "same", "a.b[1]"]
        XCTAssertNoThrow(try GLPKProblem(lp))
    }

    func testErrorDescriptionsAreReadable() {
        XCTAssertEqual(
            LPError.duplicateEntry(row: 1, column: 0, firstEntry: 2, secondEntry: 6).description,
            "matrix entries 2 and 6 both address (row 1, column 0)")
        XCTAssertEqual(
            LPError.invalidBounds(.column, index: 0, lower: 5, upper: 4).description,
            "column 0 has invalid bounds [5.0, 4.0]")
        XCTAssertEqual(
            LPError.invalidName(.problem, index: 0, name: "a b", reason: "it contains whitespace").description,
            "problem name \"a b\" is invalid: it contains whitespace")
        XCTAssertEqual(
            LPError.nonFiniteValue(field: "entryValue", index: 3).description,
            "entryValue[3] is not a finite number")
    }
}
