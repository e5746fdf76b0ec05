import Corridor
import CorridorTestSupport
import XCTest

/// The pruned model (time windows, delivery on arrival, non-binding rows dropped) must have exactly
/// the optimum of the literal model of contract §2, on networks that mix every feature.
final class PrunedMatchesLiteralTests: XCTestCase {
    func testRandomNetworksHaveTheSameOptimum() throws {
        var checked = 0
        var aggregated = 0
        for seed in 1...60 {
            var generator = RandomNetworks(seed: UInt64(seed))
            let yaml = generator.yaml()
            let network = try Fixtures.network(yaml)
            let pruned = try Planner.plan(network, options: PlanningOptions(mode: .pruned))
            let unaggregated = try Planner.plan(network, options: PlanningOptions(mode: .pruned, aggregate: false))
            let literal = try Planner.plan(network, options: PlanningOptions(mode: .literal))
            XCTAssertEqual(pruned.plan.objective, literal.plan.objective,
                           accuracy: 1e-6 * max(1, abs(literal.plan.objective)), "seed \(seed):\n\(yaml)")
            XCTAssertEqual(unaggregated.plan.objective, literal.plan.objective,
                           accuracy: 1e-6 * max(1, abs(literal.plan.objective)), "seed \(seed):\n\(yaml)")
            if pruned.formulation.groups.count < network.movements.count {
                let (smaller, larger) = (pruned.formulation.program.numberOfColumns,
                                         unaggregated.formulation.program.numberOfColumns)
                XCTAssertLessThanOrEqual(smaller, larger, "seed \(seed)")
                if smaller < larger { aggregated += 1 }
            }
            XCTAssertLessThanOrEqual(pruned.formulation.program.numberOfColumns,
                                     literal.formulation.program.numberOfColumns, "seed \(seed)")
            XCTAssertTrue(pruned.verification.isValid && literal.verification.isValid, "seed \(seed)")
            checked += 1
        }
        XCTAssertEqual(checked, 60)
        XCTAssertGreaterThan(aggregated, 10, "enough networks where aggregation shrinks the LP")
    }

    func testPrunedModelIsSmallerOnTheDefaultScenario() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let pruned = try Formulation.build(network, mode: .pruned)
        let literal = try Formulation.build(network, mode: .literal)
        XCTAssertLessThan(pruned.program.numberOfColumns, literal.program.numberOfColumns)
        XCTAssertLessThan(pruned.program.numberOfRows, literal.program.numberOfRows)
    }
}
