import XCTest
@testable import CorridorLP

/// Optimal values, duals and reduced costs of small LPs worked out by hand.
final class SolutionTests: XCTestCase {
    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 7, x ≤ 3: a non-degenerate vertex x = 3, y = 1.
    /// Binding rows: x + y ≤ 4 and x ≤ 3. Dual equations for the basic x, y:
    ///   x: π₁ + π₂ + π₃ = 3,  y: π₁ + 3π₂ = 2,  with π₂ = 0 (row 2 slack: 6 < 7)
    ///   ⇒ π = (2, 0, 1). Both columns basic ⇒ reduced costs (0, 0).
    func testMaximisationDualsAndReducedCosts() throws {
        let problem = try GLPKProblem(Fixtures.smallMax(secondRHS: 7))
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 11, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [3, 1])
        assertEqual(problem.rowActivities(), [4, 6, 3])
        assertEqual(problem.rowDuals(), [2, 0, 1])
        assertEqual(problem.reducedCosts(), [0, 0])
    }

    /// The same LP with x ≤ 3 as a column bound instead of a row: x is non-basic at its
    /// upper bound, so its reduced cost carries the bound's shadow price 3 − π₁ = 1.
    func testUpperBoundShowsUpAsReducedCost() throws {
        var lp = Fixtures.smallMax(secondRHS: 7)
        lp.columnUpper[0] = 3
        lp.rowUpper[2] = .infinity  // drop the x ≤ 3 row
        let problem = try GLPKProblem(lp)
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 11, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [3, 1])
        assertEqual(problem.rowDuals(), [2, 0, 0])
        assertEqual(problem.reducedCosts(), [1, 0])
        XCTAssertEqual(problem.saveBasis().columnStatus, [.atUpper, .basic])
    }

    /// With x + 3y ≤ 6 all three rows bind at (3, 1): the vertex is degenerate and the
    /// optimal duals form the segment π = (2 − 3t, t, 1 + 2t), t ∈ [0, 2/3]. GLPK may return
    /// any point of it (in practice the t = 2/3 end), so check membership and strong duality.
    func testDegenerateMaximisationReturnsAValidDual() throws {
        let problem = try GLPKProblem(Fixtures.smallMax())
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 11, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [3, 1])
        let pi = problem.rowDuals()
        let t = pi[1]
        XCTAssertGreaterThanOrEqual(t, -1e-9)
        XCTAssertLessThanOrEqual(t, 2.0 / 3 + 1e-9)
        XCTAssertEqual(pi[0], 2 - 3 * t, accuracy: 1e-9)
        XCTAssertEqual(pi[2], 1 + 2 * t, accuracy: 1e-9)
        XCTAssertEqual(4 * pi[0] + 6 * pi[1] + 3 * pi[2], 11, accuracy: 1e-9)  // = b·π
    }

    /// min 2x + 3y + 5z + 1.5 s.t. x + y + z = 10, x − z = 2, x + y ≥ 5.
    /// From the equalities x = z + 2, y = 8 − 2z, so the cost is 29.5 + z ⇒ z = 0, x = 2,
    /// y = 8. Basic x, y: π₁ + π₂ = 2, π₁ = 3 ⇒ π = (3, −1, 0); d_z = 5 − (3·1 + (−1)(−1)) = 1.
    func testMinimisationWithEqualities() throws {
        let problem = try GLPKProblem(Fixtures.equalityMin())
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 29.5, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [2, 8, 0])
        assertEqual(problem.rowActivities(), [10, 2, 10])
        assertEqual(problem.rowDuals(), [3, -1, 0])
        assertEqual(problem.reducedCosts(), [0, 0, 1])
    }

    /// Every method, basis and scaling choice reaches the same optimum, reported unscaled.
    func testAllMethodsAgree() throws {
        for method in [SolveOptions.Method.primal, .dual, .dualPrimal] {
            for basis in [SolveOptions.InitialBasis.standard, .advanced, .keep] {
                for (presolve, scaling) in [(false, SolveOptions.Scaling.none), (false, .automatic), (false, .geometricMean),
                                            (true, .none), (true, .geometricMean)] {
                    let options = SolveOptions(method: method, presolve: presolve, scaling: scaling, basis: basis)
                    let problem = try GLPKProblem(Fixtures.equalityMin())
                    XCTAssertEqual(problem.solve(options), .optimal, "\(options)")
                    XCTAssertEqual(problem.objectiveValue, 29.5, accuracy: 1e-9, "\(options)")
                    assertEqual(problem.primalValues(), [2, 8, 0], "\(options)")
                    assertEqual(problem.rowDuals(), [3, -1, 0], "\(options)")
                }
            }
        }
    }

    /// Fixing z = 1 (lower == upper, GLP_FX): x = 3, y = 6, cost 6 + 18 + 5 + 1.5 = 30.5.
    /// The duals do not change, and z's reduced cost is still 1.
    func testFixedColumn() throws {
        var lp = Fixtures.equalityMin()
        lp.columnLower[2] = 1
        lp.columnUpper[2] = 1
        let problem = try GLPKProblem(lp)
        XCTAssertEqual(try problem.columnBounds(2).lower, 1)
        XCTAssertEqual(try problem.columnBounds(2).upper, 1)
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, 30.5, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [3, 6, 1])
        assertEqual(problem.rowDuals(), [3, -1, 0])
        assertEqual(problem.reducedCosts(), [0, 0, 1])
        XCTAssertEqual(problem.saveBasis().columnStatus[2], .fixed)
    }

    /// A badly scaled LP (coefficients 10⁻³ to 10³), on which the scalings really differ: min 2x + 5y
    /// with 1000x ≥ 2000, 0.001y ≥ 0.003, x + y ≤ 10 ⇒ x = 2, y = 3, cost 19. Row duals are the
    /// costs over the coefficients: 2/1000 and 5/0.001; the slack row's is 0. Every scaling, warm
    /// or cold, must report these unscaled.
    func testScalingsReportUnscaledValues() throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addColumn(objective: 2)
        let y = lp.addColumn(objective: 5)
        let r1 = lp.addRow(lower: 2000)
        let r2 = lp.addRow(lower: 0.003)
        let r3 = lp.addRow(upper: 10)
        lp.addEntry(row: r1, column: x, value: 1000)
        lp.addEntry(row: r2, column: y, value: 0.001)
        lp.addEntry(row: r3, column: x, value: 1)
        lp.addEntry(row: r3, column: y, value: 1)
        for scaling in [SolveOptions.Scaling.none, .automatic, .geometricMean] {
            for method in [SolveOptions.Method.primal, .dual] {
                let problem = try GLPKProblem(lp)
                let options = SolveOptions(method: method, scaling: scaling)
                XCTAssertEqual(problem.solve(options), .optimal, "\(options)")
                XCTAssertEqual(problem.objectiveValue, 19, accuracy: 1e-9, "\(options)")
                assertEqual(problem.primalValues(), [2, 3], "\(options)")
                assertEqual(problem.rowActivities(), [2000, 0.003, 5], "\(options)")
                assertEqual(problem.rowDuals(), [0.002, 5000, 0], "\(options)")
                assertEqual(problem.reducedCosts(), [0, 0], "\(options)")
                // A warm re-solve after a bound change keeps that scaling: y ≥ 4 ⇒ cost 24.
                try problem.setRowBounds(r2, lower: 0.004, upper: .infinity)
                XCTAssertEqual(problem.resolveWarm(), .optimal, "\(options)")
                XCTAssertEqual(problem.objectiveValue, 24, accuracy: 1e-9, "\(options)")
                assertEqual(problem.primalValues(), [2, 4], "\(options)")
            }
        }
    }

    /// min x + 2y, x free, 0 ≤ y ≤ 10, s.t. x + y ≥ −1, x − y ≤ −2.
    /// x ≥ −1 − y and x ≤ −2 + y ⇒ y ≥ ½; cost x + 2y = −1 + y at x = −1 − y ⇒ y = ½,
    /// x = −1.5 (negative: the free column really is free), cost −0.5.
    /// Basic x, y: π₁ + π₂ = 1, π₁ − π₂ = 2 ⇒ π = (1.5, −0.5).
    func testFreeColumn() throws {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addColumn(lower: -.infinity, upper: .infinity, objective: 1)
        let y = lp.addColumn(lower: 0, upper: 10, objective: 2)
        let r1 = lp.addRow(lower: -1)
        let r2 = lp.addRow(upper: -2)
        lp.addEntry(row: r1, column: x, value: 1)
        lp.addEntry(row: r1, column: y, value: 1)
        lp.addEntry(row: r2, column: x, value: 1)
        lp.addEntry(row: r2, column: y, value: -1)
        let problem = try GLPKProblem(lp)
        XCTAssertEqual(try problem.columnBounds(0).lower, -.infinity)
        XCTAssertEqual(try problem.columnBounds(0).upper, .infinity)
        XCTAssertEqual(problem.solve(), .optimal)
        XCTAssertEqual(problem.objectiveValue, -0.5, accuracy: 1e-9)
        assertEqual(problem.primalValues(), [-1.5, 0.5])
        assertEqual(problem.rowDuals(), [1.5, -0.5])
        assertEqual(problem.reducedCosts(), [0, 0])
    }

    /// Problems with no rows and/or no columns are solved trivially (GLPK's `glp_add_rows(0)`
    /// would abort, so the build skips it). Without rows each column sits at its cheaper bound.
    func testEmptyProblems() throws {
        for options in [SolveOptions(), SolveOptions(presolve: true), SolveOptions(basis: .keep),
                        SolveOptions(method: .dual, scaling: .none, basis: .standard),
                        SolveOptions(method: .dualPrimal, scaling: .geometricMean)] {
            let nothing = try GLPKProblem(LinearProgram(objectiveConstant: 2))
            XCTAssertEqual(nothing.solve(options), .optimal)
            XCTAssertEqual(nothing.objectiveValue, 2)
            XCTAssertEqual(nothing.numberOfRows, 0)
            XCTAssertEqual(nothing.numberOfColumns, 0)
            XCTAssertEqual(nothing.primalValues(), [])
            XCTAssertEqual(nothing.rowDuals(), [])

            var columnsOnly = LinearProgram(sense: .minimize)
            columnsOnly.addColumn(lower: 1, upper: 4, objective: 2)            // → 1
            columnsOnly.addColumn(lower: -.infinity, upper: 3, objective: -1)  // → 3
            let noRows = try GLPKProblem(columnsOnly)
            XCTAssertEqual(noRows.solve(options), .optimal)
            XCTAssertEqual(noRows.objectiveValue, -1, accuracy: 1e-12)
            assertEqual(noRows.primalValues(), [1, 3])
            assertEqual(noRows.reducedCosts(), [2, -1])

            var rowsOnly = LinearProgram()
            rowsOnly.addRow(lower: -1, upper: 4)
            rowsOnly.addRow(upper: 3)
            let noColumns = try GLPKProblem(rowsOnly)
            XCTAssertEqual(noColumns.solve(options), .optimal)   // 0 satisfies both rows
            assertEqual(noColumns.rowActivities(), [0, 0])

            rowsOnly.rowLower[0] = 1                                // now 1 ≤ 0 is required
            XCTAssertEqual(try GLPKProblem(rowsOnly).solve(options), .infeasible)
        }
    }
}
