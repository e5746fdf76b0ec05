@testable import Corridor
import XCTest

/// Splitting a flow group's flow into per-source paths (`FlowDecomposition`).
final class FlowDecompositionTests: XCTestCase {
    /// Hubs 0 (origin), 1 and 2 (destination), horizon 3. 300 units leave hub 0 in period 0: a trickle
    /// of 3e-7 goes straight to 2 (arriving in period 1) through a tiny capacity, the rest via hub 1
    /// (arriving in period 2). The trickle's edge is added first, so the search finds it first; its
    /// bottleneck 3e-7 is no more than the supply's tolerance (1e-9 × 300). The decomposition must take
    /// it and go on, not give the whole source up — that left 300 units "still at the origin" in a plan
    /// of the earthquake dataset with one capacity set to 3e-7 t.
    func testASmallFirstPathDoesNotEndTheSource() {
        let rest = 300 - 3e-7
        var decomposition = FlowDecomposition(horizon: 3, destination: 2, deliveries: [1: 3e-7, 2: rest])
        decomposition.addLeg(arc: 0, from: 0, to: 2, depart: 0, arrive: 1, quantity: 3e-7)
        decomposition.addLeg(arc: 1, from: 0, to: 1, depart: 0, arrive: 1, quantity: rest)
        decomposition.addLeg(arc: 2, from: 1, to: 2, depart: 1, arrive: 2, quantity: rest)
        let paths = decomposition.paths(sources: [(hub: 0, period: 0, supply: 300)])
        XCTAssertEqual(paths.count, 2)
        XCTAssertEqual(paths.map(\.quantity).reduce(0, +), 300, accuracy: 1e-12)
        XCTAssertEqual(paths.first?.quantity, 3e-7)
        XCTAssertEqual(paths.first?.arrive, 1)
        XCTAssertEqual(paths.last?.quantity, rest)
        XCTAssertEqual(paths.last?.arrive, 2)
        XCTAssertEqual(paths.last?.edges, [1, 2])
    }

    /// Two sources sharing one leg are served in order, each its own supply (the aggregated group case):
    /// 5 units from hub 0 and 7 from hub 1 both reach hub 2 over legs into it.
    func testSourcesTakeTheirOwnSupply() {
        var decomposition = FlowDecomposition(horizon: 2, destination: 2, deliveries: [1: 12])
        decomposition.addLeg(arc: 0, from: 0, to: 2, depart: 0, arrive: 1, quantity: 5)
        decomposition.addLeg(arc: 1, from: 1, to: 2, depart: 0, arrive: 1, quantity: 7)
        let paths = decomposition.paths(sources: [(hub: 0, period: 0, supply: 5), (hub: 1, period: 0, supply: 7)])
        XCTAssertEqual(paths.map(\.source), [0, 1])
        XCTAssertEqual(paths.map(\.quantity), [5, 7])
        XCTAssertEqual(paths.map(\.edges), [[0], [1]])
    }
}
