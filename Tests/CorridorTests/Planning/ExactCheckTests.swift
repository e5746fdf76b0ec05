import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// The planner confirms GLPK's floating-point optimum in exact arithmetic before it extracts a plan.
final class ExactCheckTests: XCTestCase {
    /// tiny.yaml with the medics' kit weighing 1e-12 t instead of 0.1 t. GLPK's floating-point simplex
    /// (also plain `glpsol`) stops at a basis it calls optimal with all 150 t of food unmet (objective
    /// 150,040); the exact check finds the real optimum.
    ///
    /// By hand, following tiny.yaml's own derivation with the medics' border load 40 × 1e-12 t ≈ 0:
    /// medics all by road on day 0 (on time): 40 × (1e-12 × 5 + 1) = 40 (+ 2e-10). Food: the border
    /// clears 60 t a day, so 60 t leave on day 0 (on time, Luleå day 3), 60 t on day 1 (1 day late),
    /// 30 t on day 2 (2 days late): rail 150 × 3 = 450, lateness 10 × (60 + 30 × 2) = 1200.
    /// Objective 40 + 450 + 1200 = 1690, everything delivered, 90 t late.
    func testBadlyScaledUsesStillGetTheOptimum() throws {
        let text = try String(contentsOfFile: Fixtures.dataset("tiny.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "uses: {pax: 1, t: 0.1}", with: "uses: {pax: 1, t: 1e-12}")
        XCTAssertTrue(text.contains("t: 1e-12"))
        let result = try Fixtures.plan(text)
        let plan = result.plan
        XCTAssertEqual(plan.objective, 1690, accuracy: 1e-6)
        XCTAssertEqual(plan.costs.transport, 490, accuracy: 1e-6)
        XCTAssertEqual(plan.costs.lateness, 1200, accuracy: 1e-6)
        XCTAssertEqual(plan.costs.unmet, 0, accuracy: 1e-9)
        XCTAssertEqual(plan.summary.late, 90, accuracy: 1e-6)
        XCTAssertTrue(result.verification.isValid)
    }

    /// Two movements carried as one flow from one origin that nothing can leave (no link): the
    /// source row's right-hand side 748.664 + 58.93 against unmet columns bounded by each. GLPK's
    /// exact solver reads the data as nearby fractions and calls that infeasible; the plan is the
    /// floating-point optimum, everything unmet at 1000 a unit (807,594), with a note. A fuzz run
    /// found it with 2600 and 0.01 (exit 1, "the solver found no optimal plan (infeasible)"), which
    /// are no longer one flow (`FlowGroup`: quantities of one order only); this pair is one.
    func testAnUnconfirmedExactCheckKeepsTheOptimumWithANote() throws {
        let result = try Fixtures.plan("""
        periods: 1
        commodities: [{id: k}]
        hubs: [{id: A, country: SE}, {id: B, country: SE}]
        links: []
        movements:
          - {id: m1, commodity: k, from: A, to: B, quantity: 748.664}
          - {id: m2, commodity: k, from: A, to: B, quantity: 58.93}
        """)
        XCTAssertEqual(result.formulation.groups.count, 1)
        XCTAssertEqual(result.plan.objective, 807_594, accuracy: 1e-6)
        XCTAssertEqual(result.plan.movements.map(\.unmet), [748.664, 58.93])
        XCTAssertTrue(result.verification.isValid)
        XCTAssertEqual(result.notes.count, 1)
        XCTAssertTrue(result.notes.first?.contains("did not confirm") ?? false, "\(result.notes)")
        let confirmed = try Fixtures.plan(String(contentsOfFile: Fixtures.dataset("tiny.yaml"), encoding: .utf8))
        XCTAssertEqual(confirmed.notes, [])
    }

    /// On a well-scaled network the check changes nothing: the same objective with and without it,
    /// and it costs no pivots beyond the floating-point solve's (tiny.yaml's hand optimum is 1790).
    func testWellScaledPlanIsConfirmedAsIs() throws {
        let network = try Fixtures.network(String(contentsOfFile: Fixtures.dataset("tiny.yaml"), encoding: .utf8))
        var unchecked = PlanningOptions()
        unchecked.solver.exactCheck = false
        let plain = try Planner.plan(network, options: unchecked).plan
        let checked = try Planner.plan(network).plan
        XCTAssertEqual(checked.objective, 1790, accuracy: 1e-9)
        XCTAssertEqual(plain.objective, 1790, accuracy: 1e-9)
        XCTAssertEqual(checked.lp?.iterations, plain.lp?.iterations)
    }
}
