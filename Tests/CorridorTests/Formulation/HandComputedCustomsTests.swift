import Corridor
import CorridorTestSupport
import XCTest

/// Hand-computed optima for customs: delays, shared border capacity, agreements, explicit rules,
/// `delay_by_commodity` and the timing of arrivals after customs (contract §1, §4.2–§4.5).
final class HandComputedCustomsTests: XCTestCase {
    // Customs delay 2 on X→Y makes a transit-1 link arrive on day 3; due day 2, late penalty 5:
    // transport 10 × 1 + lateness 10 × 1 day × 5 = 60 (unmet would cost 10 000).
    func testCustomsDelayMakesLate() throws {
        let plan = try solveBothModels("""
        periods: 5
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: Y}]
        links: [{id: ab, from: A, to: B, transit: 1, cost: 1}]
        borders: [{from: X, to: Y, delay: 2}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 10, due: 2, late_penalty: 5}]
        """)
        XCTAssertEqual(plan.objective, 60, accuracy: 1e-9)
        XCTAssertEqual(plan.costs.lateness, 50, accuracy: 1e-9)
        let m = plan.movement("m")
        XCTAssertEqual(m.legs.map(\.arrive), [3])
        XCTAssertEqual(m.legs.map(\.depart), [0])
        XCTAssertEqual(m.late, 10)
        XCTAssertEqual(m.lateUnitPeriods, 10)
    }

    // One border capacity (10 t/day) shared by two links into Y. Both movements (10 t, due day 0)
    // cannot cross on day 0: the cheaper one to delay (late penalty 1 < 2) goes on day 1. Objective 10.
    func testBorderCapacityIsSharedByAllCrossingLinks() throws {
        let plan = try solveBothModels("""
        periods: 2
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: X}, {id: C, country: Y}]
        links: [{id: ac, from: A, to: C, transit: 0}, {id: bc, from: B, to: C, transit: 0}]
        borders: [{from: X, to: Y, capacity: 10}]
        movements:
          - {id: cheap, commodity: c, from: A, to: C, quantity: 10, due: 0, late_penalty: 1}
          - {id: dear, commodity: c, from: B, to: C, quantity: 10, due: 0, late_penalty: 2}
        """)
        XCTAssertEqual(plan.objective, 10, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("cheap").late, 10)
        XCTAssertEqual(plan.movement("dear").onTime, 10)
    }

    // Border capacity is loaded in the departure period whatever the commodity's delay (§4.4):
    // two commodities with delays 0 and 2 both want to depart on day 0 through a 10 t/day rule.
    // Delaying the slow one's departure costs 10 × 1 (penalty 1); delaying the fast one costs 10 × 3.
    func testBorderCapacityCountsInDeparturePeriod() throws {
        let plan = try solveBothModels("""
        periods: 5
        commodities: [{id: fast}, {id: slow}]
        hubs: [{id: A, country: X}, {id: B, country: Y}]
        links: [{id: ab, from: A, to: B, transit: 0}]
        borders: [{from: X, to: Y, capacity: 10, delay: 0, delay_by_commodity: {slow: 2}}]
        movements:
          - {id: f, commodity: fast, from: A, to: B, quantity: 10, due: 0, late_penalty: 3}
          - {id: s, commodity: slow, from: A, to: B, quantity: 10, due: 2, late_penalty: 1}
        """)
        XCTAssertEqual(plan.objective, 10, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("f").legs.map(\.depart), [0])
        XCTAssertEqual(plan.movement("s").legs.map(\.depart), [1])
        XCTAssertEqual(plan.movement("s").legs.map(\.arrive), [3])
    }

    // Agreement members cross without customs: transit 1, due 1, on time, cost 0. Without the
    // agreement, customs_default (delay 3) pushes arrival past the horizon: all 5 units unmet = 5000.
    func testAgreementRemovesCustoms() throws {
        let base = """
        periods: 3
        customs_default: {delay: 3, cost: 1}
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: Y}]
        links: [{id: ab, from: A, to: B, transit: 1}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 5, due: 1}]
        """
        let withAgreement = try solveBothModels(base + "\nagreements: [{name: union, members: [X, Y]}]\n")
        XCTAssertEqual(withAgreement.objective, 0, accuracy: 1e-9)
        XCTAssertEqual(withAgreement.movement("m").legs.map(\.arrive), [1])
        let without = try solveBothModels(base)
        XCTAssertEqual(without.objective, 5000, accuracy: 1e-9)
        XCTAssertEqual(without.movement("m").unmet, 5)
        XCTAssertEqual(without.costs.unmet, 5000, accuracy: 1e-9)
    }

    // Agreements are not transitive (§4.2): X–Y and Y–Z agreements leave X→Z to customs_default
    // (delay 1, cost 2/t): 4 units arrive on day 2 instead of 1: customs 8 + lateness 4 = 12.
    func testAgreementsAreNotTransitive() throws {
        let plan = try solveBothModels("""
        periods: 4
        customs_default: {delay: 1, cost: 2}
        agreements: [{name: one, members: [X, Y]}, {name: two, members: [Y, Z]}]
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: C, country: Z}]
        links: [{id: ac, from: A, to: C, transit: 1}]
        movements: [{id: m, commodity: c, from: A, to: C, quantity: 4, due: 1}]
        """)
        XCTAssertEqual(plan.objective, 12, accuracy: 1e-9)
        XCTAssertEqual(plan.costs.customs, 8, accuracy: 1e-9)
        XCTAssertEqual(plan.costs.lateness, 4, accuracy: 1e-9)
    }

    // An explicit rule X→Y (delay 1, cost 2/t) beats the X–Y agreement, but only in its own
    // direction (§4.3): 5 units X→Y pay customs 10 and arrive a day late (5); 5 units Y→X on the
    // reverse of a both_ways link cross customs-free, on time. Objective 15.
    func testExplicitRuleBeatsAgreementInItsDirectionOnly() throws {
        let plan = try solveBothModels("""
        periods: 4
        agreements: [{name: union, members: [X, Y]}]
        borders: [{from: X, to: Y, delay: 1, cost: 2}]
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: Y}]
        links: [{id: ab, from: A, to: B, transit: 1, both_ways: true}]
        movements:
          - {id: there, commodity: c, from: A, to: B, quantity: 5, due: 1}
          - {id: back, commodity: c, from: B, to: A, quantity: 5, due: 1}
        """)
        XCTAssertEqual(plan.objective, 15, accuracy: 1e-9)
        XCTAssertEqual(plan.costs.customs, 10, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("there").legs.map(\.arrive), [2])
        let back = plan.movement("back")
        XCTAssertEqual(back.legs.map(\.arrive), [1])
        XCTAssertEqual(back.legs.map(\.from), ["B"])
        XCTAssertEqual(back.legs.map(\.link), ["ab"])
    }

    // delay_by_commodity overrides delay, in both directions of a both_ways rule (§4.5):
    // c1 (delay 1) arrives day 1, late 1; c2 (delay 3) arrives day 3, late 3, both ways. Objective 7.
    func testDelayByCommodityAppliesBothWays() throws {
        let plan = try solveBothModels("""
        periods: 5
        commodities: [{id: c1}, {id: c2}]
        hubs: [{id: A, country: X}, {id: B, country: Y}]
        links: [{id: ab, from: A, to: B, transit: 0, both_ways: true}]
        borders: [{from: X, to: Y, delay: 1, delay_by_commodity: {c2: 3}, both_ways: true}]
        movements:
          - {id: m1, commodity: c1, from: A, to: B, quantity: 1, due: 0}
          - {id: m2, commodity: c2, from: A, to: B, quantity: 1, due: 0}
          - {id: m3, commodity: c2, from: B, to: A, quantity: 1, due: 0}
        """)
        XCTAssertEqual(plan.objective, 7, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m1").legs.map(\.arrive), [1])
        XCTAssertEqual(plan.movement("m2").legs.map(\.arrive), [3])
        XCTAssertEqual(plan.movement("m3").legs.map(\.arrive), [3])
    }

    // An arrival counts against the receiving hub's handling in depart + transit + delay (§4.5):
    // B handles 4 t/day; with customs delay 1 a day-0 departure arrives on day 2. 8 t due day 2:
    // 4 arrive day 2 (on time), 4 day 3 (late 1). Objective 4.
    func testArrivalHandlingCountsAfterCustomsDelay() throws {
        let plan = try solveBothModels("""
        periods: 5
        commodities: [{id: c}]
        hubs: [{id: A, country: X}, {id: B, country: Y, handling: 4}]
        links: [{id: ab, from: A, to: B, transit: 1}]
        borders: [{from: X, to: Y, delay: 1}]
        movements: [{id: m, commodity: c, from: A, to: B, quantity: 8, due: 2}]
        """)
        XCTAssertEqual(plan.objective, 4, accuracy: 1e-9)
        XCTAssertEqual(plan.movement("m").deliveries.map(\.period), [2, 3])
    }
}
