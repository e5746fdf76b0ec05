@testable import Corridor
import CorridorTestSupport
import XCTest

/// A solution with flow on a zero-time cycle (which GLPK may return when the cycle is free) is
/// printed without it (docs/contract-readings.md, item 9): the same optimum, every printed leg on
/// an origin → destination path, and a plan that verifies.
final class PlanExtractorCycleTests: XCTestCase {
    /// `HandNetworks.zeroTransitCycle`. The hand-made solution sends the 6 units A → B → C in
    /// period 0 and 2 more units round A → B → A in period 0: the plan has 6 on ab, 6 on bc,
    /// nothing on the reverse ab.
    func testCycleFlowIsLeftOut() throws {
        let network = try Fixtures.network(HandNetworks.zeroTransitCycle)
        let formulation = try Formulation.build(network)
        let columns = formulation.columns
        func arc(_ from: String, _ to: String) -> Int {
            network.arcs.firstIndex { network.hubs[$0.from].id == from && network.hubs[$0.to].id == to }!
        }
        func flow(_ arc: Int, period: Int) -> Int {
            columns.kind.indices.first { columns.kind[$0] == .flow && Int(columns.place[$0]) == arc && columns.period[$0] == period }!
        }
        var values = [Double](repeating: 0, count: formulation.program.numberOfColumns)
        values[flow(arc("A", "B"), period: 0)] = 8
        values[flow(arc("B", "A"), period: 0)] = 2
        values[flow(arc("B", "C"), period: 0)] = 6
        if let delivery = columns.kind.indices.first(where: { columns.kind[$0] == .delivery && columns.period[$0] == 0 }) {
            values[delivery] = 6  // (the pruned model may deliver on arrival instead)
        }
        let plan = PlanExtractor.plan(network: network, formulation: formulation, values: values, iterations: 0)
        let m = try XCTUnwrap(plan.movements.first)
        XCTAssertEqual(m.legs.map { "\($0.from)→\($0.to)" }, ["A→B", "B→C"])
        XCTAssertEqual(m.legs.map(\.quantity), [6, 6])
        XCTAssertEqual(m.delivered, 6)
        XCTAssertEqual(plan.costs.transport, 6)
        XCTAssertEqual(PlanVerifier(network: network).verify(plan).violations, [])
    }
}
