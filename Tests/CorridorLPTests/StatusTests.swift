import XCTest
@testable import CorridorLP

/// Mapping of GLPK's outcomes to ``SolveStatus``: infeasible, unbounded and limits.
final class StatusTests: XCTestCase {
    private let allOptions: [SolveOptions] = [
        SolveOptions(),
        SolveOptions(presolve: true),
        SolveOptions(method: .dual),
        SolveOptions(method: .dual, presolve: true),
        SolveOptions(method: .dualPrimal, basis: .standard),
        SolveOptions(method: .primal, scaling: .none, basis: .keep),
    ]

    /// x + y ≤ 1 and x + y ≥ 2 cannot both hold.
    func testInfeasible() throws {
        let lp = Fixtures.twinColumns(costs: [1, 1], rows: [(-.infinity, 1), (2, .infinity)])
        for options in allOptions {
            XCTAssertEqual(try GLPKProblem(lp).solve(options), .infeasible, "\(options)")
        }
    }

    /// Infeasibility hidden behind equalities: x + y = 3, x − y = 1 ⇒ x = 2, but x ≤ 1.
    func testInfeasibleThroughBounds() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addColumn(lower: 0, upper: 1, objective: 1)
        let y = lp.addColumn(objective: 1)
        let sum = lp.addRow(lower: 3, upper: 3)
        let difference = lp.addRow(lower: 1, upper: 1)
        lp.addEntry(row: sum, column: x, value: 1)
        lp.addEntry(row: sum, column: y, value: 1)
        lp.addEntry(row: difference, column: x, value: 1)
        lp.addEntry(row: difference, column: y, value: -1)
        for options in allOptions {
            XCTAssertEqual(try GLPKProblem(lp).solve(options), .infeasible, "\(options)")
        }
    }

    /// max x + y s.t. x − y ≤ 1, x, y ≥ 0: the ray (1, 1) improves forever.
    func testUnbounded() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addColumn(objective: 1)
        let y = lp.addColumn(objective: 1)
        let row = lp.addRow(upper: 1)
        lp.addEntry(row: row, column: x, value: 1)
        lp.addEntry(row: row, column: y, value: -1)
        for options in allOptions {
            XCTAssertEqual(try GLPKProblem(lp).solve(options), .unbounded, "\(options)")
        }
    }

    /// A 60 × 60 transportation problem (3 600 columns) needs hundreds of iterations.
    func testIterationAndTimeLimits() throws {
        let lp = Fixtures.transportation(sources: 60, sinks: 60)
        XCTAssertEqual(lp.numberOfColumns, 3_600)

        // One iteration is never enough from the crash basis.
        let limited = try GLPKProblem(lp)
        XCTAssertEqual(limited.solve(SolveOptions(iterationLimit: 1)), .iterationLimit)
        XCTAssertEqual(limited.lastSolveIterations, 1)
        XCTAssertEqual(limited.solve(SolveOptions(iterationLimit: 0, basis: .standard)), .iterationLimit)
        XCTAssertEqual(limited.lastSolveIterations, 0)

        // A 1 µs limit is raised to GLPK's 1 ms granularity: the solve stops promptly, either
        // out of time or (on a very fast machine) already optimal — never failed or crashed.
        for timeLimit in [0.000001, 0.001, 0, -5] {
            let problem = try GLPKProblem(lp)
            let status = problem.solve(SolveOptions(timeLimit: timeLimit))
            XCTAssertTrue(status == .timeLimit || status == .optimal, "\(timeLimit): \(status)")
        }

        // Without limits the same problem solves; the iteration counter is cumulative.
        let full = try GLPKProblem(lp)
        XCTAssertEqual(full.solve(SolveOptions(timeLimit: 600)), .optimal)
        XCTAssertGreaterThan(full.lastSolveIterations, 1)
        XCTAssertEqual(full.iterationCount, full.lastSolveIterations)
        let firstRun = full.iterationCount
        XCTAssertEqual(full.solve(SolveOptions(basis: .keep)), .optimal)
        XCTAssertEqual(full.lastSolveIterations, 0, "an optimal kept basis needs no pivots")
        XCTAssertEqual(full.iterationCount, firstRun)

        // Total demand (80 % of supply, split evenly and rounded down) is met exactly.
        let demandRows = full.rowActivities()[60...]
        for (i, activity) in zip(60..., demandRows) {
            XCTAssertEqual(activity, lp.rowLower[i], accuracy: 1e-6)
        }
    }

    /// Conversion of the Swift limits to GLPK's integer parameters.
    func testLimitConversion() {
        XCTAssertEqual(SolveOptions().glpkTimeLimit, .max)
        XCTAssertEqual(SolveOptions(timeLimit: .nan).glpkTimeLimit, .max)
        XCTAssertEqual(SolveOptions(timeLimit: .infinity).glpkTimeLimit, .max)
        XCTAssertEqual(SolveOptions(timeLimit: 1e12).glpkTimeLimit, .max)
        XCTAssertEqual(SolveOptions(timeLimit: 0.000001).glpkTimeLimit, 1)
        XCTAssertEqual(SolveOptions(timeLimit: 0).glpkTimeLimit, 1)
        XCTAssertEqual(SolveOptions(timeLimit: -3).glpkTimeLimit, 1)
        XCTAssertEqual(SolveOptions(timeLimit: 2.5).glpkTimeLimit, 2_500)
        XCTAssertEqual(SolveOptions().glpkIterationLimit, .max)
        XCTAssertEqual(SolveOptions(iterationLimit: -1).glpkIterationLimit, 0)
        XCTAssertEqual(SolveOptions(iterationLimit: 10).glpkIterationLimit, 10)
        XCTAssertEqual(SolveOptions(iterationLimit: .max).glpkIterationLimit, .max)
    }
}
