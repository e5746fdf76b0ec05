import Corridor
import CorridorTestSupport
import XCTest

/// Each test is a network small enough to solve by hand; the comment above it derives the optimum.
/// With HandComputedCustomsTests they pin every reading of the contract's LP (section 2 and section 4):
/// this file covers transport, storage, handling, timing, lateness, unmet and aggregation.
final class HandComputedOptimumTests: XCTestCase {
    // 10 t over one domestic link (transit 1, cost 2/t) due day 2: ship on day 0 or 1, cost 20.
    func testTransportCost() throws {
        let plan = try solveBothModels("""
        periods: 3
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 1, cost: 2}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 10, due: 2}]
        """)
        XCTAssertEqual(plan.objective, 20, accuracy: 1e-9)
        XCTAssertEqual(plan.costs.transport, 20, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m").delivered, 10)
        XCTAssertEqual(plan.movement("m").onTime, 10)
        XCTAssertEqual(plan.movement("m").legs.reduce(0) { $0 + $1.quantity }, 10)
    }

    // The only link opens on day 2 (open window), so 10 t wait at A over days 0→1 and 1→2
    // (holding 1 per t per day): 20. With A's storage limited to 6 t, only 6 can wait: 6 × 2 = 12
    // holding plus 4 unmet × 1000. Unmet units leave at release and use no storage (§4.6).
    func testOpenWindowHoldingCostAndOriginStorage() throws {
        let base = """
        periods: 4
        commodities: [{id: c}]
        links: [{id: ab, from: A, to: B, transit: 0, open: [2, 2]}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 10, due: 3}]
        hubs:
          - {id: B, country: X}
        """
        let unlimited = try solveBothModels(base + "\n  - {id: A, country: X, holding_cost: 1}\n")
        XCTAssertEqual(unlimited.objective, 20, accuracy: 1e-9)
        XCTAssertEqual(unlimited.costs.holding, 20, accuracy: 1e-9)
        XCTAssertEqual(unlimited.movement("m").legs.map(\.depart), [2])
        let limited = try solveBothModels(base + "\n  - {id: A, country: X, holding_cost: 1, storage: 6}\n")
        XCTAssertEqual(limited.objective, 4012, accuracy: 1e-9)
        XCTAssertEqual(limited.movement("m").unmet, 4)
        XCTAssertEqual(limited.movement("m").delivered, 6)
    }

    // Handling at B counts arrivals plus departures in a period (10 t). Units arriving on day 1
    // can leave on day 1 only if a + d ≤ 10, so at most 5 t go straight through (on time at C on
    // day 2); the other 5 t leave B on day 2 and are a day late. Objective 5.
    func testHandlingCountsArrivalsAndDepartures() throws {
        let plan = try solveBothModels("""
        periods: 5
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X, handling: 10}, {id: C, country: X}]
        links: [{id: ab, from: A, to: B, transit: 1}, {id: bc, from: B, to: C, transit: 1}]
        movements: [{id: m, commodity: c, from: A, to: C, quantity: 10, due: 2}]
        """)
        XCTAssertEqual(plan.objective, 5, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m").onTime, 5, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m").late, 5, accuracy: 1e-9)
    }

    // `carries` keeps c2 off the cheap link (1/t): c1 pays 2 × 1, c2 takes the dear link, 2 × 5. 12.
    func testCarriesRestrictsCommodities() throws {
        let plan = try solveBothModels("""
        periods: 2
        commodities: [{id: c1}, {id: c2}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links:
          - {id: cheap, from: A, to: B, transit: 0, cost: 1, carries: [c1]}
          - {id: dear, from: A, to: B, transit: 0, cost: 5}
        movements:
          - {id: m1, commodity: c1, from: A, to: B, quantity: 2}
          - {id: m2, commodity: c2, from: A, to: B, quantity: 2}
        """)
        XCTAssertEqual(plan.objective, 12, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m1").legs.map(\.link), ["cheap"])
        XCTAssertEqual(plan.movement("m2").legs.map(\.link), ["dear"])
    }

    // `carries: []` allows nothing: the only link is unusable, 3 units unmet at 7 each = 21.
    func testEmptyCarriesAllowsNothing() throws {
        let plan = try solveBothModels("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 0, carries: []}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 3, unmet_penalty: 7}]
        """)
        XCTAssertEqual(plan.objective, 21, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m").unmet, 3)
    }

    // A both_ways link has a capacity per direction: 5 t each way on day 0 fit (cost 1/t: 10);
    // a shared capacity would leave 5 units unmet (horizon 1).
    func testBothWaysDirectionsHaveTheirOwnCapacity() throws {
        let plan = try solveBothModels("""
        periods: 1
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 0, capacity: 5, cost: 1, both_ways: true}]
        movements:
          - {id: out, commodity: c, from: A, to: B, quantity: 5}
          - {id: in, commodity: c, from: B, to: A, quantity: 5}
        """)
        XCTAssertEqual(plan.objective, 10, accuracy: 1e-9)
        XCTAssertEqual(plan.summary.unmet, 0)
    }

    // Troops use 1 seat and 0.1 t. The link takes 100 seats but only 5 t a day: 50 troops a day.
    // 80 troops due day 0: 50 on time, 30 a day late. Objective 30. The capacity `7` on the second
    // link is a plain number, so it limits t (the first dimension) only: 70 troops (7 t), 70 seats.
    func testMultiDimensionUsesAndPlainNumberVectors() throws {
        let plan = try solveBothModels("""
        periods: 2
        dimensions: [t, pax]
        commodities: [{id: troops, uses: {pax: 1, t: 0.1}}]
        hubs: [{id: A, country: X}, {id: B, country: X}, {id: C, country: X}, {id: D, country: X}]
        links:
          - {id: ab, from: A, to: B, transit: 0, capacity: {pax: 100, t: 5}}
          - {id: cd, from: C, to: D, transit: 0, capacity: 7}
        movements:
          - {id: m, commodity: troops, from: A, to: B, quantity: 80, due: 0}
          - {id: n, commodity: troops, from: C, to: D, quantity: 100, due: 0}
        """)
        XCTAssertEqual(plan.movement("m").onTime, 50, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m").late, 30, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("n").onTime, 70, accuracy: 1e-9)
        XCTAssertEqual(plan.objective, 30 + 30, accuracy: 1e-9)
    }

    // A zero in `uses` means that dimension's limits and costs do not touch the commodity (§4.9):
    // 10 units of weightless data over a link with t capacity 0 and t cost 9: free and on time.
    func testZeroUseIgnoresThatDimension() throws {
        let plan = try solveBothModels("""
        periods: 1
        dimensions: [t, pax]
        commodities: [{id: data, uses: {t: 0, pax: 1}}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 0, capacity: {t: 0}, cost: {t: 9}}]
        movements: [{id: m, commodity: data, from: A, to: B, quantity: 10}]
        """)
        XCTAssertEqual(plan.objective, 0, accuracy: 1e-9)
        XCTAssertEqual(plan.summary.delivered, 10)
    }

    // Unmet is cheaper than transport when the penalty is below the cost: 4 × 3 = 12.
    func testUnmetWhenCheaperThanTransport() throws {
        let plan = try solveBothModels("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 0, cost: 10}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 4, unmet_penalty: 3}]
        """)
        XCTAssertEqual(plan.objective, 12, accuracy: 1e-9)
        XCTAssertEqual(plan.summary.unmet, 4)
    }

    // Lateness keeps counting to the last period; due beyond the horizon is never late (§4.8).
    // Transit 2 from release 1: arrives day 3; due 1 → 2 days late × 3 × 2 units = 12; due 9 → 0.
    func testLatenessAndDueBeyondHorizon() throws {
        let plan = try solveBothModels("""
        periods: 4
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 2}]
        movements:
          - {id: late, commodity: c, from: A, to: B, quantity: 2, release: 1, due: 1, late_penalty: 3}
          - {id: never, commodity: c, from: A, to: B, quantity: 2, release: 1, due: 9, late_penalty: 3}
        """)
        XCTAssertEqual(plan.objective, 12, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("late").lateUnitPeriods, 4)
        XCTAssertEqual(plan.movement("never").onTime, 2)
    }

    // Zero-transit cycles are legal (§4.10) and must not break itineraries: A⇄B both ways with
    // transit 0 and no cost, then B→C. Objective = 6 × 1 on bc; itineraries cover all 6 units.
    func testZeroTransitCycleKeepsItinerariesWhole() throws {
        let plan = try solveBothModels(HandNetworks.zeroTransitCycle)
        XCTAssertEqual(plan.objective, 6, accuracy: 1e-9)
        let m = plan.movement("m")
        XCTAssertEqual(m.itineraries.reduce(0) { $0 + $1.quantity }, 6, accuracy: 1e-9)
        XCTAssertEqual(m.itineraries.first?.legs.map { m.legs[$0].link }, ["ab", "bc"])
    }

    // Release supply and deliveries use no handling (§4.6): origin and destination handle 0, a
    // direct link would need handling at both ends, so everything is unmet (2 × 1000) … unless the
    // hubs' handling is unlimited, when the units travel for free.
    func testHandlingAppliesToDeparturesAndArrivalsNotSupplyOrDelivery() throws {
        let blocked = try solveBothModels("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X, handling: 0}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 0}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 2}]
        """)
        XCTAssertEqual(blocked.objective, 2000, accuracy: 1e-9)
        let open = try solveBothModels("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X, handling: 2}, {id: B, country: X, handling: 2}]
        links: [{id: ab, from: A, to: B, transit: 0}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 2}]
        """)
        XCTAssertEqual(open.objective, 0, accuracy: 1e-9)
    }

    // Storage at an intermediate hub: B holds at most 3 t overnight. 6 t reach B on day 0 (transit 0);
    // the link on from B opens only on day 1. 3 t wait at B, the other 3 t wait at A (no limit) and
    // travel on day 1. Holding cost 1/t/day at B and 2/t/day at A: 3 × 1 + 3 × 2 = 9.
    func testIntermediateStorage() throws {
        let plan = try solveBothModels("""
        periods: 3
        commodities: [{id: c}]
        hubs: [{id: A, country: X, holding_cost: 2}, {id: B, country: X, storage: 3, holding_cost: 1}, {id: C, country: X}]
        links:
          - {id: ab, from: A, to: B, transit: 0}
          - {id: bc, from: B, to: C, transit: 0, open: [1, 1]}
        movements: [{id: m, commodity: c, from: A, to: C, quantity: 6, due: 2}]
        """)
        XCTAssertEqual(plan.objective, 9, accuracy: 1e-9)
        XCTAssertEqual(plan.costs.holding, 9, accuracy: 1e-9)
    }

    // Interchangeable movements (same commodity, destination, due, late penalty) are one flow in the
    // pruned model, but unmet stays per movement with its own penalty: only 10 of 20 units fit
    // through M→C, and the ones left behind are the cheap-to-drop ones of "a" (5 each): 50. The plan
    // still gives each movement its own legs: "b" goes B→M→C, "a" moves nothing.
    func testAggregatedMovementsKeepTheirOwnUnmetAndLegs() throws {
        let yaml = """
        periods: 1
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}, {id: M, country: X}, {id: C, country: X}]
        links:
          - {id: am, from: A, to: M, transit: 0}
          - {id: bm, from: B, to: M, transit: 0}
          - {id: mc, from: M, to: C, transit: 0, capacity: 10}
        movements:
          - {id: a, commodity: c, from: A, to: C, quantity: 10, unmet_penalty: 5}
          - {id: b, commodity: c, from: B, to: C, quantity: 10, unmet_penalty: 50}
        """
        let plan = try solveBothModels(yaml)
        XCTAssertEqual(try Fixtures.plan(yaml).formulation.groups.count, 1, "one flow for both movements")
        XCTAssertEqual(plan.objective, 50, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("a").unmet, 10)
        XCTAssertEqual(plan.movement("a").legs, [])
        XCTAssertEqual(plan.movement("b").delivered, 10)
        XCTAssertEqual(plan.movement("b").legs.map(\.link), ["bm", "mc"])
        XCTAssertEqual(plan.movement("b").itineraries.map(\.legs), [[0, 1]])
    }
}
