import Corridor
import CorridorTestSupport
import XCTest

/// Degrading named hubs and border rules: each element carries the index of its hub or border rule,
/// and the degrade scenario scales exactly that hub's or rule's capacity rows.
final class DegradeElementTests: XCTestCase {
    private func baltic() throws -> Network {
        try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
    }

    func testElementsCarryTheIndexOfTheirHubOrRule() throws {
        for dataset in ["baltic-reinforcement/network.yaml", "pacific-partnership/network.yaml", "tiny.yaml"] {
            let network = try NetworkDecoder.load(path: Fixtures.dataset(dataset))
            let elements = FailureElement.all(in: network)
            XCTAssertEqual(elements.compactMap(\.hub), Array(network.hubs.indices), dataset)
            XCTAssertEqual(elements.compactMap(\.rule), Array(network.borderRules.indices), dataset)
            for element in elements {
                switch element.kind {
                case .link:
                    XCTAssertNil(element.hub, element.label)
                    XCTAssertNil(element.rule, element.label)
                case .hub:
                    XCTAssertEqual(element.hub.map { network.hubs[$0].id }, element.id)
                    XCTAssertNil(element.rule, element.label)
                case .border:
                    XCTAssertEqual(element.rule.map { network.borderRules[$0].label }, element.id)
                    XCTAssertNil(element.hub, element.label)
                }
            }
        }
    }

    /// The scaled rows are every finite capacity row of the element's hub (storage, handling) or
    /// rule (border capacity), each at the level; found through the index, not the name.
    func testDegradeScalesTheRowsOfTheIndexedHubOrRule() throws {
        let network = try baltic()
        let engine = try ResilienceEngine(network: network)
        let rows = engine.formulation.rows, upper = engine.formulation.program.rowUpper
        let all = FailureElement.all(in: network)
        let hub = try XCTUnwrap(all.first { $0.kind == .hub && $0.id == "LTMCK" })
        let border = try XCTUnwrap(all.first { $0.kind == .border && $0.id == "DE→PL" })
        let hubIndex = try XCTUnwrap(network.hubs.firstIndex { $0.id == "LTMCK" })
        let ruleIndex = try XCTUnwrap(network.borderRules.firstIndex { $0.from == "DE" && $0.to == "PL" })
        func finiteRows(_ kinds: [Formulation.RowKind], at place: Int) -> Set<Int> {
            Set(rows.kind.indices.filter {
                kinds.contains(rows.kind[$0]) && Int(rows.place[$0]) == place && upper[$0].isFinite
            })
        }
        func scaled(_ elements: [FailureElement]) -> [Int: Double] {
            let scenario = engine.scenario(scalingCapacitiesBy: 0.5, of: elements)
            return Dictionary(uniqueKeysWithValues: scenario.rowUpperBounds.map { ($0.row, $0.upper) })
        }
        let hubRows = finiteRows([.storage, .handling], at: hubIndex)
        let ruleRows = finiteRows([.borderCapacity], at: ruleIndex)
        XCTAssertFalse(hubRows.isEmpty, "LTMCK has capacity rows")
        XCTAssertFalse(ruleRows.isEmpty, "DE→PL has capacity rows")
        XCTAssertEqual(Set(scaled([hub]).keys), hubRows)
        XCTAssertEqual(Set(scaled([border]).keys), ruleRows)
        let both = scaled([hub, border])
        XCTAssertEqual(Set(both.keys), hubRows.union(ruleRows))
        for (row, bound) in both { XCTAssertEqual(bound, upper[row] * 0.5, "row \(row)") }

        // The index decides, not the id: a renamed element still scales its own rows.
        var renamedHub = hub, renamedBorder = border
        renamedHub.id = "no such hub"
        renamedBorder.id = "XX→YY"
        XCTAssertEqual(Set(scaled([renamedHub]).keys), hubRows)
        XCTAssertEqual(Set(scaled([renamedBorder]).keys), ruleRows)
    }

    /// `corridor resilience baltic --mode degrade --levels 1,0.5 --elements DE-PL,LTMCK`: the rows it
    /// gave when hubs and rules were found by id. The border and the hub each change the result.
    func testNamedBorderAndHubDegradeRows() throws {
        let network = try baltic()
        let engine = try ResilienceEngine(network: network)
        func halved(_ names: [String]) throws -> ScenarioMetrics {
            let elements = try FailureElement.named(names, in: network)
            let report = try ResilienceAnalysis.degrade(engine, levels: [1, 0.5], elements: elements)
            XCTAssertEqual(report.rows.map(\.level), [1, 0.5])
            XCTAssertEqual(report.rows[0].metrics.objective, engine.baseline.objective, accuracy: 1e-3, "level 1")
            return report.rows[1].metrics
        }
        let border = try halved(["DE-PL"])
        XCTAssertEqual(border.objective, 15_629_200, accuracy: 1e-3)
        XCTAssertEqual(border.unmet, 320, accuracy: 1e-6)
        let hub = try halved(["hub:LTMCK"])
        XCTAssertEqual(hub.objective, 12_020_850, accuracy: 1e-3)
        XCTAssertEqual(hub.unmet, 225, accuracy: 1e-6)
        let both = try halved(["DE-PL", "hub:LTMCK"])
        XCTAssertEqual(both.objective, 15_804_750, accuracy: 1e-3)
        XCTAssertEqual(both.unmet, 320, accuracy: 1e-6)
        // Lateness is not unique among optimal plans: this is the plan the geometric-mean scaled
        // re-solve reaches (116,105 before re-solves were scaled so; same objective and unmet).
        XCTAssertEqual(both.lateUnitPeriods, 116_510, accuracy: 1e-6)
        XCTAssertEqual(engine.baseline.objective, 11_459_333.3333, accuracy: 1e-3)
    }
}
