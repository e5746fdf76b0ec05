@testable import Corridor
import CorridorTestSupport
import XCTest

/// The columns a failure strands — on no source → sink path once it closes its arcs — found exactly on
/// a hand network, and fixing them at zero never changes a failure's optimum (cold solves on random
/// networks, with and without them fixed).
final class FlowPathGraphTests: XCTestCase {
    // A → B → C and A → D → C, plus B → D; one movement A → C. Closing D → C leaves D with no way
    // out: every departure into D (from A or B) and every hold at D is stranded; A → B → C stays.
    private let diamond = """
        periods: 6
        dimensions: [t]
        commodities: [{id: "k"}]
        hubs:
          - {id: "A", country: "XX"}
          - {id: "B", country: "XX"}
          - {id: "C", country: "XX"}
          - {id: "D", country: "XX"}
        links:
          - {id: "ab", from: "A", to: "B", transit: 1, capacity: 4, cost: 1}
          - {id: "bc", from: "B", to: "C", transit: 1, capacity: 4, cost: 1}
          - {id: "ad", from: "A", to: "D", transit: 1, capacity: 4, cost: 2}
          - {id: "dc", from: "D", to: "C", transit: 1, capacity: 4, cost: 2}
          - {id: "bd", from: "B", to: "D", transit: 1, capacity: 4, cost: 1}
        movements:
          - {id: "m", commodity: "k", from: "A", to: "C", quantity: 10, due: 3, late_penalty: 10}
        """

    func testClosingTheOnlyExitOfAHubStrandsEverythingInto() throws {
        let network = try Fixtures.network(diamond)
        let engine = try ResilienceEngine(network: network)
        let formulation = engine.formulation
        let arc = { (from: String, to: String) in
            network.arcs.indices.first { network.hubs[network.arcs[$0].from].id == from && network.hubs[network.arcs[$0].to].id == to }!
        }
        let scenario = engine.scenario(closingArcs: [arc("D", "C")])
        let intoD: Set<Int> = [arc("A", "D"), arc("B", "D")]
        let hubD = network.hubs.firstIndex { $0.id == "D" }!
        let expected = formulation.columns.kind.indices.filter { j in
            switch formulation.columns.kind[j] {
            case .flow: return intoD.contains(Int(formulation.columns.place[j]))
            case .hold: return Int(formulation.columns.place[j]) == hubD
            case .delivery, .unmet: return false
            }
        }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(scenario.strandedColumns, expected)
        XCTAssertTrue(Set(scenario.strandedColumns).isDisjoint(with: scenario.closedColumns))

        // Closing B → C instead strands only what arrives at B too late for the longer way round
        // through D (two more days, by day 5): A → B departing on day 3 and the hold at B from day 3.
        let hubB = network.hubs.firstIndex { $0.id == "B" }!
        let late = formulation.columns.kind.indices.filter { j in
            let place = Int(formulation.columns.place[j]), period = formulation.columns.period[j]
            switch formulation.columns.kind[j] {
            case .flow: return place == arc("A", "B") && period == 3
            case .hold: return place == hubB && period == 3
            case .delivery, .unmet: return false
            }
        }
        XCTAssertEqual(late.count, 2)
        XCTAssertEqual(engine.scenario(closingArcs: [arc("B", "C")]).strandedColumns, late)
        // No failure, nothing stranded.
        XCTAssertEqual(engine.scenario(closingArcs: []).strandedColumns, [])

        // By hand: the baseline sends 4 + 4 units over A → B → C on days 0 and 1 (cost 2 each, on time)
        // and 2 over A → D → C (cost 4): 24. Without D → C the last 2 units leave on day 2 and arrive
        // a day late: 10 × 2 + 2 × 10 = 40 — warm (stranded columns fixed) and cold (only D → C closed).
        XCTAssertEqual(engine.baseline.objective, 24, accuracy: 1e-9)
        let warm = try engine.evaluate([scenario])[0]
        XCTAssertEqual(warm.objective, 40, accuracy: 1e-9)
        XCTAssertEqual(engine.evaluateCold(scenario).objective, 40, accuracy: 1e-9)
    }

    /// Random networks, every single failure and some pairs: the LP with the stranded columns fixed
    /// too has the same optimum as the failure's own LP.
    func testFixingStrandedColumnsKeepsTheOptimum() throws {
        var stranded = 0, checked = 0
        for seed in 1...12 {
            var random = RandomNetworks(seed: UInt64(seed))
            let network = try Fixtures.network(random.yaml())
            guard let engine = try? ResilienceEngine(network: network) else { continue }
            let elements = FailureElement.all(in: network)
            let sets = elements.map { [$0] } + zip(elements, elements.dropFirst(2)).map { [$0, $1] }
            for set in sets {
                let scenario = engine.scenario(closing: set)
                XCTAssertTrue(Set(scenario.strandedColumns).isDisjoint(with: scenario.closedColumns))
                stranded += scenario.strandedColumns.count
                let failure = engine.evaluateCold(scenario)
                let fixed = engine.evaluateCold(ResilienceScenario(closedColumns: scenario.fixedColumns))
                XCTAssertEqual(failure.status, "optimal")
                XCTAssertEqual(fixed.objective, failure.objective, accuracy: 1e-6 * max(1, abs(failure.objective)),
                               "seed \(seed): \(set.map(\.label))")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertGreaterThan(stranded, 0, "some failure strands columns")
    }
}
