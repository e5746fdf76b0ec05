import CorridorTestSupport
import XCTest
@testable import Corridor

/// The verifier's sparse stock bookkeeping, and the conservation walk over it: only the hubs and
/// periods a movement touches, with violations and storage in the right periods.
final class StockChangesTests: XCTestCase {
    func testChangesAddUpPerNodeAndComeOutByHubThenPeriod() {
        var changes = StockChanges(horizon: 4)
        changes.add(10, hub: 2, period: 3)
        changes.subtract(4, hub: 0, period: 1)
        changes.add(7, hub: 2, period: 0)
        changes.add(1.5, hub: 0, period: 1)
        changes.subtract(10, hub: 2, period: 3)
        let hubs = changes.byHub()
        XCTAssertEqual(hubs.map(\.hub), [0, 2])
        XCTAssertEqual(hubs[0].changes.map(\.period), [1])
        XCTAssertEqual(hubs[0].changes.map(\.change), [-2.5])
        XCTAssertEqual(hubs[1].changes.map(\.period), [0, 3])
        XCTAssertEqual(hubs[1].changes.map(\.change), [7, 0])
        XCTAssertTrue(StockChanges(horizon: 4).byHub().isEmpty)
    }

    /// tiny.yaml's optimal plan: food waits at Narvik, 94 t from day 0 to 1 and 34 t from day 1 to
    /// 2 (the border clears 56, 60, 34 t); nothing waits anywhere else.
    func testStorageIsCountedInEveryPeriodStockIsHeld() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let result = PlanVerifier(network: network).verify(try Planner.plan(network).plan)
        XCTAssertEqual(result.violations, [])
        let tonnes = network.dimensions.firstIndex(of: "t")!
        let narvik = network.hubs.firstIndex { $0.id == "NVK" }!
        for (i, hub) in network.hubs.enumerated() {
            let held = result.loads.storage[i].map { $0[tonnes] }
            XCTAssertEqual(held, i == narvik ? [94, 34, 0, 0, 0, 0] : [0, 0, 0, 0, 0, 0], hub.id)
        }
    }

    /// The medics all leave Narvik on day 0; 5 more leaving on day 3 take stock that is not there
    /// (after days with none: the walk must land on day 3) and are still in Kiruna on day 5, the
    /// last day, since nobody delivers them.
    func testViolationsNameThePeriodAfterAGap() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        var plan = try Planner.plan(network).plan
        let m = try XCTUnwrap(plan.movements.firstIndex { $0.id == "medics-kiruna" })
        plan.movements[m].legs.append(Leg(link: "e10", from: "NVK", to: "KRN", mode: "road", depart: 3, arrive: 5,
                                          quantity: 5))
        let found = PlanVerifier(network: network).verify(plan).violations.map(\.description)
        XCTAssertEqual(found.filter { $0.hasPrefix("movements[\(m)]: ") }, [
            "movements[\(m)]: at hub \"NVK\" in period 3, 5.0 more units leave than are there",
            "movements[\(m)]: 5.0 units are still at hub \"KRN\" at the end of the horizon",
        ])
    }

    /// A unit that uses 10⁶ t against 10⁻⁶ t of storage: 10⁻¹⁰ units left at the origin (the plan
    /// prints quantities under 10⁻⁹ as 0) hold nothing the storage check counts, while 2·10⁻⁹ units
    /// held there (printable, so really held) still overfill it.
    func testStockUnderThePrintedPrecisionIsNotHeld() throws {
        let network = try Fixtures.network("""
        periods: 4
        commodities: [{id: "c", uses: {t: 1000000}}]
        hubs: [{id: A, country: DE, storage: 1e-6}, {id: B, country: DE}]
        links: [{id: ab, from: A, to: B, transit: 1, cost: 1, capacity: 10}]
        movements:
          - {id: speck, commodity: c, from: A, to: B, quantity: 1e-10, due: 3, unmet_penalty: 100}
          - {id: load, commodity: c, from: A, to: B, quantity: 5e-6, due: 3, unmet_penalty: 100}
        """)
        let result = try Planner.plan(network)
        XCTAssertEqual(PlanVerifier(network: network).verify(result.plan).violations, [])
        XCTAssertEqual(result.plan.movements.map(\.unmet), [0, 5e-6], "5 t unmet at 5e-4 beats 5 t by road at 5")

        var held = result.plan
        held.movements[1].unmet = 0
        held.movements[1].legs = [Leg(link: "ab", from: "A", to: "B", mode: "road", depart: 1, arrive: 2, quantity: 2e-9),
                                  Leg(link: "ab", from: "A", to: "B", mode: "road", depart: 0, arrive: 1, quantity: 5e-6 - 2e-9)]
        let found = PlanVerifier(network: network).verify(held).violations.map(\.description)
        XCTAssertTrue(found.contains { $0.hasPrefix("capacity: hub \"A\" holds 0.002") && $0.hasSuffix("t from period 0 to 1, storage 1e-06") }, "\(found)")
    }
}
