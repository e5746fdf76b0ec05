import XCTest
@testable import CorridorLP

/// `GLPKProblem.solveExactly`: GLPK's rational-arithmetic simplex started from the current basis.
/// (That it corrects a floating-point optimum that is wrong is tested where such an LP comes from:
/// the planner's badly scaled network in CorridorTests' `ExactCheckTests`.)
final class ExactSolveTests: XCTestCase {
    /// From an optimal basis the exact solver only confirms it: no pivots, the same solution and duals
    /// (smallMax with x + 3y ≤ 7: x = 3, y = 1, π = (2, 0, 1), worked out in SolutionTests).
    func testConfirmsAnOptimalBasisWithoutPivots() throws {
        let problem = try GLPKProblem(Fixtures.smallMax(secondRHS: 7))
        XCTAssertEqual(problem.solve(), .optimal)
        let basis = problem.saveBasis()
        XCTAssertEqual(problem.solveExactly(), .optimal)
        XCTAssertEqual(problem.lastSolveIterations, 0)
        XCTAssertEqual(problem.objectiveValue, 11)
        XCTAssertEqual(problem.primalValues(), [3, 1])
        XCTAssertEqual(problem.rowDuals(), [2, 0, 1])
        XCTAssertEqual(problem.saveBasis(), basis)
    }

    /// From a basis that is not optimal (the simplex stopped by an iteration limit of 0) the exact
    /// solver pivots on to the optimum: equalityMin's x = 2, y = 8, z = 0, objective 29.5.
    func testFinishesFromANonOptimalBasis() throws {
        let problem = try GLPKProblem(Fixtures.equalityMin())
        XCTAssertEqual(problem.solve(SolveOptions(iterationLimit: 0, basis: .standard)), .iterationLimit)
        XCTAssertEqual(problem.solveExactly(), .optimal)
        XCTAssertGreaterThan(problem.lastSolveIterations, 0)
        XCTAssertEqual(problem.objectiveValue, 29.5)
        XCTAssertEqual(problem.primalValues(), [2, 8, 0])
        XCTAssertEqual(problem.rowDuals(), [3, -1, 0])
        XCTAssertEqual(problem.reducedCosts(), [0, 0, 1])
    }

    /// Exact values are exact: max x + y s.t. 3x + 3y ≤ 1, x ≤ 0.25 (row) has objective 1/3, which the
    /// rational solution rounds to the nearest Double once.
    func testValuesAreTheRoundedRationalOptimum() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addColumn(objective: 1)
        let y = lp.addColumn(objective: 1)
        let sum = lp.addRow(upper: 1)
        let cap = lp.addRow(upper: 0.25)
        lp.addEntry(row: sum, column: x, value: 3)
        lp.addEntry(row: sum, column: y, value: 3)
        lp.addEntry(row: cap, column: x, value: 1)
        let problem = try GLPKProblem(lp)
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.solveExactly(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 1.0 / 3)
        XCTAssertEqual(problem.rowDuals()[0], 1.0 / 3)
    }

    /// A singular current basis (two identical basic columns) makes the exact solver start again
    /// from the standard basis: min x + 2y s.t. x + y ≥ 1, x + y ≥ 2 ⇒ x = 2, y = 0.
    func testSingularBasisRestartsFromTheStandardBasis() throws {
        let problem = try GLPKProblem(Fixtures.twinColumns(rows: [(1, .infinity), (2, .infinity)]))
        try problem.restoreBasis(Basis(rowStatus: [.atLower, .atLower], columnStatus: [.basic, .basic]))
        XCTAssertEqual(problem.solveExactly(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 2)
        XCTAssertEqual(problem.primalValues(), [2, 0])
    }

    /// Infeasibility is proven exactly too: x + y ≤ 1 and x + y ≥ 2.
    func testProvesInfeasibility() throws {
        let problem = try GLPKProblem(Fixtures.twinColumns(costs: [1, 1], rows: [(-.infinity, 1), (2, .infinity)]))
        XCTAssertEqual(problem.solveExactly(), .infeasible)
    }

    /// `SolveOptions.exactCheck` runs the check after an optimal solve or warm re-solve: on smallMax
    /// (x + 3y ≤ 7) it takes no pivots, so the iterations are the plain solve's and the values the same.
    func testExactCheckOption() throws {
        let plain = try GLPKProblem(Fixtures.smallMax(secondRHS: 7))
        XCTAssertEqual(plain.solve(), .optimal)
        let checked = try GLPKProblem(Fixtures.smallMax(secondRHS: 7))
        XCTAssertEqual(checked.solve(SolveOptions(exactCheck: true)), .optimal)
        XCTAssertEqual(checked.lastExactIterations, 0)
        XCTAssertEqual(checked.lastSolveIterations, plain.lastSolveIterations)
        XCTAssertEqual(checked.primalValues(), [3, 1])
        try checked.setRowBounds(1, lower: -.infinity, upper: 6)  // degenerate now; still (3, 1)
        XCTAssertEqual(checked.resolveWarm(exactCheck: true), .optimal)
        XCTAssertEqual(checked.objectiveValue, 11)
        XCTAssertEqual(checked.primalValues(), [3, 1])
    }

    /// GLPK's exact solver reads non-integers as nearby simple fractions (its `set_d_eps`), so it can
    /// find an LP infeasible that is feasible as written: min 1000 u + 1000 v, u + v = 2600.01,
    /// u ≤ 2600, v ≤ 0.01 (2600.01 is read about 3.4e-7 above 2600 + 1/100). The floating-point
    /// optimum u = 2600, v = 0.01 (objective 2,600,010) is put back and the check says it was not
    /// confirmed; a confirmed check says so too.
    func testAnExactVerdictOfInfeasibleKeepsTheFloatingPointOptimum() throws {
        var lp = LinearProgram(sense: .minimize)
        let u = lp.addColumn(upper: 2600, objective: 1000)
        let v = lp.addColumn(upper: 0.01, objective: 1000)
        let row = lp.addRow(lower: 2600 + 0.01, upper: 2600 + 0.01)
        lp.addEntry(row: row, column: u, value: 1)
        lp.addEntry(row: row, column: v, value: 1)
        for presolve in [false, true] {
            let problem = try GLPKProblem(lp)
            XCTAssertEqual(problem.solve(SolveOptions(presolve: presolve, exactCheck: true)), .optimal)
            XCTAssertEqual(problem.lastExactCheck, .unconfirmed(.infeasible))
            XCTAssertEqual(problem.objectiveValue, 2_600_010, accuracy: 1e-6)
            XCTAssertEqual(problem.primalValues()[0], 2600, accuracy: 1e-9)
            XCTAssertEqual(problem.primalValues()[1], 0.01, accuracy: 1e-9)
            // Without the check the same optimum, and no outcome.
            XCTAssertEqual(problem.solve(SolveOptions(presolve: presolve)), .optimal)
            XCTAssertNil(problem.lastExactCheck)
        }
        let exactData = try GLPKProblem(Fixtures.smallMax(secondRHS: 7))
        XCTAssertEqual(exactData.solve(SolveOptions(exactCheck: true)), .optimal)
        XCTAssertEqual(exactData.lastExactCheck, .confirmed)
    }

    /// An exact check after a solve stopped short is not run: the status is the simplex's.
    func testExactCheckNeedsAnOptimum() throws {
        let problem = try GLPKProblem(Fixtures.equalityMin())
        XCTAssertEqual(problem.solve(SolveOptions(iterationLimit: 0, basis: .standard, exactCheck: true)), .iterationLimit)
        XCTAssertEqual(problem.lastExactIterations, 0)
    }

    /// A problem without rows, which GLPK's exact solver refuses, is solved the ordinary way:
    /// min 2x with 1 ≤ x ≤ 3 ⇒ 2.
    func testProblemWithoutRows() throws {
        var lp = LinearProgram(sense: .minimize)
        _ = lp.addColumn(lower: 1, upper: 3, objective: 2)
        let problem = try GLPKProblem(lp)
        XCTAssertEqual(problem.solveExactly(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 2)
    }
}
