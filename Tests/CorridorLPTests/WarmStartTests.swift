import XCTest
@testable import CorridorLP

/// Bound changes, warm re-solves and basis snapshots.
final class WarmStartTests: XCTestCase {
    /// Solve, tighten a route and a demand, re-solve warm: the result must equal a cold solve
    /// of the modified `LinearProgram`, in no more iterations.
    func testWarmResolveMatchesColdSolve() throws {
        let sources = 8, sinks = 10
        var lp = Fixtures.transportation(sources: sources, sinks: sinks, seed: 7)
        let warm = try GLPKProblem(lp)
        XCTAssertEqual(warm.solve(), .optimal)
        let baseline = warm.objectiveValue

        // Cap the busiest route at half its flow and raise the first customer's demand by 5.
        let flows = warm.primalValues()
        let busiest = flows.indices.max { flows[$0] < flows[$1] }!
        let cap = flows[busiest] / 2
        let demandRow = sources
        let newDemand = lp.rowLower[demandRow] + 5
        try warm.setColumnBounds(busiest, lower: 0, upper: cap)
        try warm.setRowBounds(demandRow, lower: newDemand, upper: .infinity)
        XCTAssertEqual(try warm.columnBounds(busiest).upper, cap)
        XCTAssertEqual(try warm.rowBounds(demandRow).lower, newDemand)
        XCTAssertEqual(try warm.rowBounds(demandRow).upper, .infinity)
        let iterationsBefore = warm.iterationCount
        XCTAssertEqual(warm.resolveWarm(), .optimal)
        XCTAssertEqual(warm.iterationCount, iterationsBefore + warm.lastSolveIterations)

        lp.columnUpper[busiest] = cap
        lp.rowLower[demandRow] = newDemand
        let cold = try GLPKProblem(lp)
        XCTAssertEqual(cold.solve(), .optimal)

        XCTAssertGreaterThan(cold.objectiveValue, baseline, "both changes make shipping dearer")
        XCTAssertEqual(warm.objectiveValue, cold.objectiveValue, accuracy: 1e-7)
        assertEqual(warm.primalValues(), cold.primalValues(), accuracy: 1e-7)
        assertEqual(warm.rowDuals(), cold.rowDuals(), accuracy: 1e-7)
        XCTAssertEqual(warm.primalValues()[busiest], cap, accuracy: 1e-9, "the cap binds")
        XCTAssertLessThanOrEqual(warm.lastSolveIterations, cold.lastSolveIterations)
    }

    /// Batched setters validate everything before changing anything.
    func testBatchedBoundChangesAreAllOrNothing() throws {
        let problem = try GLPKProblem(Fixtures.equalityMin())
        let before = try (0..<3).map { j throws(LPError) in try problem.columnBounds(j) }
        assertThrows(.indexOutOfRange(.column, index: 3, count: 3)) { () throws(LPError) in
            try problem.setColumnBounds([BoundChange(index: 0, lower: 1, upper: 2),
                                         BoundChange(index: 3, lower: 0, upper: 1)])
        }
        assertThrows(.invalidBounds(.row, index: 1, lower: 5, upper: 4)) { () throws(LPError) in
            try problem.setRowBounds([BoundChange(index: 0, lower: 0, upper: 1),
                                      BoundChange(index: 1, lower: 5, upper: 4)])
        }
        for j in 0..<3 {
            XCTAssertEqual(try problem.columnBounds(j).lower, before[j].lower)
            XCTAssertEqual(try problem.columnBounds(j).upper, before[j].upper)
        }
        XCTAssertEqual(try problem.rowBounds(0).lower, 10)
        XCTAssertEqual(try problem.rowBounds(0).upper, 10)

        // Valid batch: z fixed at 1 (see SolutionTests.testFixedColumn: cost 30.5).
        try problem.setColumnBounds([BoundChange(index: 2, lower: 1, upper: 1)])
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 30.5, accuracy: 1e-9)
        // Dropping the `x − z = 2` row (free) lets the cheapest column x take all of 10 − z.
        try problem.setRowBounds([BoundChange(index: 1, lower: -.infinity, upper: .infinity)])
        XCTAssertEqual(problem.resolveWarm(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 2 * 9 + 5 * 1 + 1.5, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [9, 0, 1])
    }

    /// Bound setters and getters reject bad input with errors, not GLPK aborts.
    func testBoundSetterValidation() throws {
        let problem = try GLPKProblem(Fixtures.smallMax())
        assertThrows(.indexOutOfRange(.column, index: -1, count: 2)) { () throws(LPError) in
            try problem.setColumnBounds(-1, lower: 0, upper: 1)
        }
        assertThrows(.indexOutOfRange(.row, index: 3, count: 3)) { () throws(LPError) in
            try problem.setRowBounds(3, lower: 0, upper: 1)
        }
        assertThrows(.nonFiniteValue(field: "columnLower", index: 0)) { () throws(LPError) in
            try problem.setColumnBounds(0, lower: .nan, upper: 1)
        }
        assertThrows(.nonFiniteValue(field: "rowUpper", index: 0)) { () throws(LPError) in
            try problem.setRowBounds(0, lower: 0, upper: .nan)
        }
        assertThrows(.invalidBounds(.column, index: 1, lower: 2, upper: 1)) { () throws(LPError) in
            try problem.setColumnBounds(1, lower: 2, upper: 1)
        }
        assertThrows(.invalidBounds(.row, index: 0, lower: .infinity, upper: .infinity)) {
            () throws(LPError) in try problem.setRowBounds(0, lower: .infinity, upper: .infinity)
        }
        assertThrows(.indexOutOfRange(.column, index: 2, count: 2)) { () throws(LPError) in
            try problem.columnBounds(2)
        }
        assertThrows(.indexOutOfRange(.row, index: -1, count: 3)) { () throws(LPError) in
            try problem.rowBounds(-1)
        }
    }

    /// saveBasis / restoreBasis round trip: restoring the optimal baseline basis after other
    /// solves makes a warm re-solve of the baseline bounds finish in zero iterations.
    func testBasisRoundTrip() throws {
        let lp = Fixtures.transportation(sources: 6, sinks: 7, seed: 3)
        let problem = try GLPKProblem(lp)
        XCTAssertEqual(problem.solve(), .optimal)
        let baselineObjective = problem.objectiveValue
        let baselinePrimal = problem.primalValues()
        let baseline = problem.saveBasis()
        XCTAssertEqual(baseline.rowStatus.count, lp.numberOfRows)
        XCTAssertEqual(baseline.columnStatus.count, lp.numberOfColumns)
        XCTAssertEqual(baseline.basicCount, lp.numberOfRows)

        // Scenario: close every route out of source 0, solve warm, then undo the bounds.
        let closed = (0..<7).map { BoundChange(index: $0, lower: 0, upper: 0) }
        try problem.setColumnBounds(closed)
        XCTAssertEqual(problem.resolveWarm(), .optimal)
        XCTAssertGreaterThan(problem.objectiveValue, baselineObjective)
        XCTAssertNotEqual(problem.saveBasis(), baseline)
        try problem.setColumnBounds((0..<7).map { BoundChange(index: $0, lower: 0, upper: .infinity) })

        try problem.restoreBasis(baseline)
        XCTAssertEqual(problem.saveBasis(), baseline)
        XCTAssertEqual(problem.resolveWarm(), .optimal)
        XCTAssertEqual(problem.lastSolveIterations, 0)
        XCTAssertEqual(problem.objectiveValue, baselineObjective, accuracy: 1e-9)
        assertEqual(problem.primalValues(), baselinePrimal, accuracy: 1e-9)

        // Invalid snapshots are rejected and leave the basis alone.
        let wrongSize = Basis(rowStatus: Array(baseline.rowStatus.dropLast()),
                              columnStatus: baseline.columnStatus)
        assertThrows(.basisMismatch(expectedRows: 13, expectedColumns: 42, rows: 12, columns: 42)) {
            () throws(LPError) in try problem.restoreBasis(wrongSize)
        }
        let allBasicRows = Basis(rowStatus: Array(repeating: .basic, count: 13),
                                 columnStatus: Array(repeating: .basic, count: 42))
        assertThrows(.invalidBasis(basicCount: 55, rows: 13)) { () throws(LPError) in
            try problem.restoreBasis(allBasicRows)
        }
        XCTAssertEqual(problem.saveBasis(), baseline)
    }

    /// A kept basis that GLPK cannot factorise (here: singular, two identical basic columns)
    /// falls back to an advanced basis instead of failing.
    func testSingularKeptBasisFallsBack() throws {
        // min x + 2y s.t. x + y ≥ 1, x + y ≥ 2: x and y both have column (1, 1), so {x, y} is singular.
        let problem = try GLPKProblem(Fixtures.twinColumns(rows: [(1, .infinity), (2, .infinity)]))
        try problem.restoreBasis(Basis(rowStatus: [.atLower, .atLower], columnStatus: [.basic, .basic]))
        XCTAssertEqual(problem.solve(SolveOptions(basis: .keep)), .optimal)
        XCTAssertEqual(problem.objectiveValue, 2, accuracy: 1e-9)  // x = 2, y = 0
        assertEqual(problem.primalValues(), [2, 0])
    }
}
