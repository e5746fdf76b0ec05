import Corridor
import CorridorLP
import CorridorTestSupport
import XCTest

/// Marginal values of capacity: hand-computed on tiny networks, and checked against finite
/// differences (re-solve with +ε capacity) where the LP is not degenerate.
final class BottleneckTests: XCTestCase {
    // tiny.yaml: one more t of NO→SE clearance on day 1 lets one late-by-2 tonne go a day earlier (10);
    // on day 0 it shifts one tonne from day 1 to day 0 and one from day 2 to day 1 (20). Total 30.
    func testTinyBorderMarginalValueByHand() throws {
        let result = try Planner.plan(NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml")))
        let border = try XCTUnwrap(result.plan.bottlenecks?.first { $0.kind == .border })
        XCTAssertEqual(border.id, "NO→SE")
        XCTAssertEqual(border.dimension, "t")
        XCTAssertEqual(border.periods, [0, 1])
        XCTAssertEqual(border.marginalByPeriod[0], 20, accuracy: 1e-9)
        XCTAssertEqual(border.marginalByPeriod[1], 10, accuracy: 1e-9)
        XCTAssertEqual(border.marginalValue, 30, accuracy: 1e-9)
        XCTAssertEqual(result.plan.bottlenecks?.first?.id, "NO→SE", "the most valuable capacity comes first")
        XCTAssertEqual(border.sentence(periodLabel: "day"),
                       "1 more t/day of NO→SE clearance on days 0–1 would lower the objective by 30")
    }

    // Two movements (10 t each) share a 15 t/day border: the dear one (penalty 2) and 5 t of the cheap
    // one cross on day 0, 5 t of the cheap one a day late (objective 5). Day 1 has room to spare, so
    // one tonne more or less on day 0 changes the objective by exactly 1 either way.
    func testSharedBorderMarginalValue() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}, {id: C, country: Y}]
        links: [{id: ac, from: A, to: C, transit: 0}, {id: bc, from: B, to: C, transit: 0}]
        borders: [{from: X, to: Y, capacity: 15}]
        movements:
          - {id: cheap, commodity: c, from: A, to: C, quantity: 10, due: 0, late_penalty: 1}
          - {id: dear, commodity: c, from: B, to: C, quantity: 10, due: 0, late_penalty: 2}
        """)
        XCTAssertEqual(result.plan.objective, 5, accuracy: 1e-9)
        let border = try XCTUnwrap(result.plan.bottlenecks?.first { $0.kind == .border })
        XCTAssertEqual(border.periods, [0])
        XCTAssertEqual(border.marginalValue, 1, accuracy: 1e-9)
    }

    func testNoBottlenecksWhenNothingBinds() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 0, capacity: 100, cost: 1}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 10}]
        """)
        XCTAssertEqual(result.plan.bottlenecks, [])
    }

    /// For every binding capacity row of every dataset whose dual is confirmed by both a +ε and a −ε
    /// re-solve (so the optimal value is differentiable there), the dual equals the finite difference.
    func testDualsMatchFiniteDifferences() throws {
        var compared = 0
        for file in Fixtures.datasetFiles {
            let network = try NetworkDecoder.load(path: file)
            let formulation = try Formulation.build(network)
            let problem = try GLPKProblem(formulation.program)
            XCTAssertEqual(problem.solve(Planner.defaultSolverOptions), .optimal)
            let base = problem.objectiveValue
            let duals = problem.rowDuals()
            let basis = problem.saveBasis()
            let rows = formulation.rows
            var checkedInFile = 0
            for i in 0..<rows.kind.count where rows.kind[i] != .balance && abs(duals[i]) > 1e-9 && checkedInFile < 15 {
                let upper = formulation.program.rowUpper[i]
                let epsilon = max(1e-4, upper * 1e-6)
                func objective(withUpper value: Double) throws -> Double {
                    try problem.restoreBasis(basis)
                    try problem.setRowBounds(i, lower: -.infinity, upper: value)
                    XCTAssertEqual(problem.resolveWarm(), .optimal)
                    return problem.objectiveValue
                }
                let up = (try objective(withUpper: upper + epsilon) - base) / epsilon
                let down = (base - (try objective(withUpper: upper - epsilon))) / epsilon
                try problem.setRowBounds(i, lower: -.infinity, upper: upper)
                guard abs(up - down) <= 1e-6 * max(1, abs(up)) else { continue }  // degenerate: kink here
                XCTAssertEqual(duals[i], up, accuracy: 1e-5 * max(1, abs(up)), "\(file) row \(formulation.rowName(i))")
                compared += 1
                checkedInFile += 1
            }
        }
        XCTAssertGreaterThan(compared, 10, "too few non-degenerate rows to compare")
    }
}
