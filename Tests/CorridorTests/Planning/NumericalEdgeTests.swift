import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// Valid networks whose numbers are awkward for a floating-point (or approximately rational) solver,
/// each found by an independent fuzz run against HiGHS, with its optimum worked out by hand: the plan
/// must be that optimum, verified, with exit 0 — not "infeasible", not a plan that fails its own
/// check, not an objective off by solver noise.
final class NumericalEdgeTests: XCTestCase {
    /// Nothing can leave A: everything is unmet, at the default 1000 a unit: 1000 × (0.005 +
    /// 1,092,236) = 1,092,236,005. Carried as one flow, GLPK's exact solver read the row's
    /// 1,092,236.005 as a nearby fraction and its values lost 3e-5 of the small movement (exit 1,
    /// "delivered 0 plus unmet 0.00497 is not the quantity 0.005"). Now the exact check's basis is
    /// evaluated on the data, and quantities this far apart are not one flow at all.
    func testTheExactCheckKeepsTheBasisNotItsApproximateValues() throws {
        let result = try Fixtures.plan("""
        periods: 1
        commodities: [{id: k}]
        hubs: [{id: A, country: SE}, {id: B, country: SE}]
        links: []
        movements:
          - {id: m0, commodity: k, from: A, to: B, quantity: 0.005}
          - {id: m1, commodity: k, from: A, to: B, quantity: 1092236}
        """)
        XCTAssertEqual(result.formulation.groups.count, 2)
        XCTAssertEqual(result.plan.movements[0].unmet, 0.005)
        XCTAssertEqual(result.plan.movements[1].unmet, 1_092_236)
        XCTAssertEqual(result.plan.objective, 1_092_236_005)
        XCTAssertEqual(result.notes, [])
        XCTAssertTrue(result.verification.isValid)
    }

    /// A hub of storage 0 that nothing can leave: 8609.01 units unmet at 1000 = 8,609,010. The exact
    /// solver's values held 1.5e-6 t at A (exit 1, "holds … storage 0").
    func testNothingIsHeldAtAHubOfStorageZero() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: k}]
        hubs: [{id: A, country: SE, storage: 0}, {id: B, country: SE}]
        links: []
        movements: [{id: m, commodity: k, from: A, to: B, quantity: 8609.01}]
        """)
        XCTAssertEqual(result.plan.objective, 8_609_010)
        XCTAssertEqual(result.plan.movements[0].unmet, 8609.01)
        XCTAssertTrue(result.verification.isValid)
    }

    /// Shipping costs 4e9 a unit, so nothing ships: m0 is unmet for free, m1 at 1000 a unit:
    /// 0.005 × 1000 = 5. Solver noise of -4.5e-15 units on the leg made GLPK's objective 4.99998
    /// (3.6e-6 off); the exact check's approximate values made it 56.53.
    func testNoiseOnADearLegDoesNotMoveTheObjective() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: k}]
        hubs: [{id: A, country: SE}, {id: B, country: SE}]
        links: [{id: L, from: A, to: B, transit: 1, cost: 4000000000}]
        movements:
          - {id: m0, commodity: k, from: A, to: B, quantity: 68.653472, unmet_penalty: 0}
          - {id: m1, commodity: k, from: A, to: B, quantity: 0.005}
        """)
        XCTAssertEqual(result.plan.objective, 5)
        XCTAssertEqual(result.plan.costs.unmet, 5)
        XCTAssertEqual(result.plan.costs.transport, 0)
        XCTAssertTrue(result.verification.isValid)
    }

    /// The link opens on day 2 and takes a day, so `small` (due day 1) arrives day 3, two days late
    /// at the default 1 a unit-day: 2 × 20.48543 = 40.97086; `big` stays unmet for free. The exact
    /// solver's values printed 40.9710077622.
    func testAGroupWithAFreeAndADearMovement() throws {
        let result = try Fixtures.plan("""
        periods: 4
        commodities: [{id: k}]
        hubs: [{id: A, country: SE}, {id: B, country: SE}]
        links: [{id: L, from: A, to: B, transit: 1, open: [2, 3]}]
        movements:
          - {id: big, commodity: k, from: A, to: B, quantity: 789142, due: 1, unmet_penalty: 0}
          - {id: small, commodity: k, from: A, to: B, quantity: 20.48543, due: 1, unmet_penalty: 1000000}
        """)
        XCTAssertEqual(result.plan.objective, 40.97086, accuracy: 1e-9)
        XCTAssertEqual(result.plan.movements.map(\.delivered), [0, 20.48543])
        XCTAssertTrue(result.verification.isValid)
    }

    /// Unmet is free and nothing can leave A, so the optimum is 0. The unmet quantity prints to 12
    /// significant digits, 9,180,794,859.16: the verifier took the 0.0033 units printing dropped for
    /// stock held at 1000 a unit (exit 1, "holding cost is 33.3").
    func testTwelveDigitPrintingIsNotStockHeld() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: k}]
        hubs: [{id: A, country: SE, holding_cost: 1000}, {id: B, country: SE}]
        links: []
        movements: [{id: m, commodity: k, from: A, to: B, quantity: 9180794859.163328, unmet_penalty: 0}]
        """)
        XCTAssertEqual(result.plan.objective, 0)
        XCTAssertEqual(result.plan.costs.holding, 0)
        XCTAssertEqual(result.plan.movements[0].unmet, 9_180_794_859.16)
        XCTAssertTrue(result.verification.isValid)
    }

    /// A unit uses 1e10 t; the link carries 300 t a day and B handles 100 t, so 1e-8 units can
    /// arrive (saving 1e-5 of 1e9): the optimum is 999,999,999.99999. GLPK's presolver called the
    /// model infeasible (exit 1); the model is always feasible (contract §2).
    func testThePresolverDoesNotHaveTheLastWordOnInfeasibility() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: k, uses: 10000000000}]
        hubs: [{id: A, country: SE}, {id: B, country: SE, handling: 100}]
        links: [{id: L, from: A, to: B, transit: 1, capacity: 300}]
        movements: [{id: m, commodity: k, from: A, to: B, quantity: 1000000}]
        """)
        // Printed to 12 significant digits: 1,000,000,000.00.
        XCTAssertEqual(result.plan.objective, 999_999_999.99999, accuracy: 1e-3)
        XCTAssertEqual(result.plan.summary.delivered, 1e-8, accuracy: 1e-15)
        XCTAssertTrue(result.verification.isValid)
    }

    /// Printing snaps 500.0000004 to 500 and rounds 1,234,567.891234567 and 9,180,794,859.163328 to
    /// 12 digits; at a hub of storage 0 (or 1 t with `uses` of 1000 t) the verifier took the
    /// difference for stock held (exit 1). Nothing can leave A, so everything is unmet.
    func testPrintedUnmetAtAHubThatHoldsNothing() throws {
        for (uses, quantity, storage, penalty, objective) in [
            (1e10, 500.0000004, 0.0, 1000.0, 500_000.0004), (1, 1_234_567.891234567, 0, 1000, 1_234_567_891.234567),
            (1, 9_180_794_859.163328, 0, 0, 0), (1000, 1_000_000_000.0049, 1, 0, 0),
        ] {
            let result = try Fixtures.plan("""
            periods: 2
            commodities: [{id: k, uses: \(uses)}]
            hubs: [{id: A, country: SE, storage: \(storage), holding_cost: 1000}, {id: B, country: SE}]
            links: []
            movements: [{id: m, commodity: k, from: A, to: B, quantity: \(quantity), unmet_penalty: \(penalty)}]
            """)
            XCTAssertEqual(result.plan.objective, objective, accuracy: objective * 1e-11, "\(quantity)")
            XCTAssertEqual(result.plan.costs.holding, 0)
            XCTAssertTrue(result.verification.isValid)
        }
    }

    /// A unit uses 1e12 t and the link carries 0.5 t: 5e-13 units ship, at 0.5 a t (0.25), and the
    /// other 9.5e-12 units are unmet at 1e12 (9.5): 9.75. Dropping every value under 1e-12 as noise
    /// printed 9.5.
    func testATinyFlowOfAHeavyCommodityIsNotNoise() throws {
        let result = try Fixtures.plan("""
        periods: 2
        commodities: [{id: k, uses: 1000000000000}]
        hubs: [{id: A, country: SE}, {id: B, country: SE}]
        links: [{id: L, from: A, to: B, transit: 1, cost: 0.5, capacity: 0.5}]
        movements: [{id: m, commodity: k, from: A, to: B, quantity: 0.00000000001, unmet_penalty: 1000000000000}]
        """)
        XCTAssertEqual(result.plan.objective, 9.75, accuracy: 1e-9)
    }

    /// A movement of 2.8e9 and one of 412.3 between the same hubs, same commodity and due: carried
    /// as one flow, their shared source row's right-hand side 2,826,712,440.3 is a Double sum the
    /// two unmet bounds could not fill, and GLPK's exact check called the model infeasible (exit 1).
    /// Quantities that far apart are no longer grouped. Both stay unmet (no link): 2,826,712,028 ×
    /// 1000 + 412.3 × 1e6 = 2,827,124,328,000.
    func testMovementsOfVeryDifferentSizeAreNotOneFlow() throws {
        let result = try Fixtures.plan("""
        periods: 1
        commodities: [{id: k1}]
        hubs: [{id: H0, country: PL}, {id: H2, country: "NO"}]
        links: []
        movements:
          - {id: m0, commodity: k1, from: H2, to: H0, quantity: 2826712028, late_penalty: 0.01}
          - {id: m1, commodity: k1, from: H2, to: H0, quantity: 412.3, unmet_penalty: 1000000, late_penalty: 0.01}
        """)
        XCTAssertEqual(result.formulation.groups.count, 2)
        XCTAssertEqual(result.plan.objective, 2_827_124_328_000)
        XCTAssertEqual(result.plan.movements.map(\.unmet), [2_826_712_028, 412.3])
        XCTAssertEqual(result.notes, [])
    }
}
