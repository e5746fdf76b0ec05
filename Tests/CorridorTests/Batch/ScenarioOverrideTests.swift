@testable import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// Sweep scenario ids: plain decimal text, six places at most, no trailing zeros or dot.
final class ScenarioOverrideTests: XCTestCase {
    func testSlugNumbers() {
        let cases: [(Double, String)] = [(0.5, "0.5"), (1, "1"), (1.25, "1.25"), (2.0000001, "2"), (1e-7, "0"),
                                         (-1e-7, "0"), (0.1234567, "0.123457"), (-0.25, "-0.25")]
        for (value, text) in cases {
            XCTAssertEqual(ScenarioOverride.scaleQuantities(value, movements: nil).slug, "scale_quantities=\(text)", "\(value)")
        }
        XCTAssertEqual(ScenarioOverride.scaleLinkCapacity(link: "l", factor: 3.10).slug, "link_capacity:l=3.1")
    }

    /// Each factor is within the limits, but overrides in a row can scale past them: the scenario fails
    /// with a message (and the batch goes on) instead of planning 1e22-unit movements.
    func testRepeatedScalingThatLeavesTheLimitsFailsTheScenario() throws {
        let network = try Fixtures.network(String(contentsOfFile: Fixtures.dataset("tiny.yaml"), encoding: .utf8))
        var scaled = network
        for _ in 0..<2 { try ScenarioOverride.scaleQuantities(1e11, movements: ["food-lulea"]).apply(to: &scaled) }
        XCTAssertThrowsError(try ScenarioOverride.checkLimits(of: scaled)) { error in
            XCTAssertEqual("\(error)", "after the overrides, movement \"food-lulea\" has quantity 1.5e+24, outside 1e-12…1e12")
        }
        var shrunk = network
        for _ in 0..<2 { try ScenarioOverride.scaleLinkCapacity(link: "e10", factor: 1e-7).apply(to: &shrunk) }
        XCTAssertThrowsError(try ScenarioOverride.checkLimits(of: shrunk)) { error in
            XCTAssertTrue("\(error)".hasPrefix("after the overrides, link \"e10\" has capacity 3e-13"), "\(error)")
        }
        var fine = network
        try ScenarioOverride.scaleQuantities(1e9, movements: nil).apply(to: &fine)
        XCTAssertNoThrow(try ScenarioOverride.checkLimits(of: fine))
    }

    /// Ofotbanen limits tonnes (100 t) and leaves seats unlimited: a factor scales the tonnes and
    /// keeps the seats unlimited; 0 takes the link out (∞ × 0 was NaN, a NaN bound in the LP, and
    /// capacities of 0 would still let a commodity that uses nothing through).
    func testScalingAnUnlimitedDimension() throws {
        let network = try Fixtures.network(String(contentsOfFile: Fixtures.dataset("tiny.yaml"), encoding: .utf8))
        let rail = try XCTUnwrap(network.arcs.firstIndex { network.links[$0.link].id == "ofotbanen" })
        XCTAssertEqual(network.arcs[rail].capacity.values, [100, .infinity], "100 t, seats unlimited")
        var half = network
        try ScenarioOverride.scaleLinkCapacity(link: "ofotbanen", factor: 0.5).apply(to: &half)
        XCTAssertEqual(half.arcs[rail].capacity.values, [50, .infinity])
        var closed = network
        try ScenarioOverride.scaleLinkCapacity(link: "ofotbanen", factor: 0).apply(to: &closed)
        XCTAssertFalse(closed.arcs.contains { closed.links[$0.link].id == "ofotbanen" })
        XCTAssertEqual(closed.arcs.count, network.arcs.count - 1)
        let plan = try Planner.plan(closed).plan
        XCTAssertTrue(plan.movements.allSatisfy { $0.legs.allSatisfy { $0.link != "ofotbanen" } }, "nothing by rail")
        XCTAssertTrue(plan.objective.isFinite)
    }

    /// A commodity that uses nothing (`uses: 0`) ignores capacities (§4.9), so only taking the link
    /// out closes it: with value 0 its 5 units stay unmet instead of crossing a 0-capacity link.
    func testZeroCapacityClosesTheLinkForWeightlessCommodities() throws {
        let network = try Fixtures.network("""
        periods: 3
        commodities: [{id: paper, uses: 0}]
        hubs: [{id: A, country: X}, {id: B, country: X}]
        links: [{id: ab, from: A, to: B, transit: 1, capacity: 10}]
        movements: [{id: m, commodity: paper, from: A, to: B, quantity: 5}]
        """)
        XCTAssertEqual(try Planner.plan(network).plan.objective, 0)
        var closed = network
        try ScenarioOverride.scaleLinkCapacity(link: "ab", factor: 0).apply(to: &closed)
        let plan = try Planner.plan(closed).plan
        XCTAssertEqual(plan.objective, 5000)
        XCTAssertEqual(plan.movements.first?.unmet, 5)
    }
}
