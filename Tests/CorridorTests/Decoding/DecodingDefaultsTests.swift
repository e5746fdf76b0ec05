import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// The minimal network in both syntaxes, and every default of contract §1.
final class DecodingDefaultsTests: XCTestCase {
    func testMinimalYAMLAndJSONDecodeToEqualNetworks() throws {
        let yaml = try XCTUnwrap(decode(Fixtures.minimalYAML, file: "net.yaml"))
        let json = try XCTUnwrap(decodeJSON(DecodingFixture.minimalJSON, file: "net.json"))
        assertNetworksEqual(yaml, json)
    }

    func testFormatIsDetectedWhenNotGiven() throws {
        let yaml = try XCTUnwrap(decode(Fixtures.minimalYAML, file: "net.txt", format: nil))
        let json = try XCTUnwrap(decode(DecodingFixture.minimalJSON, file: "net.txt", format: nil))
        assertNetworksEqual(yaml, json)
    }

    func testDimensionsOfTheMinimalNetwork() throws {
        let network = try XCTUnwrap(decode(Fixtures.minimalYAML))
        XCTAssertEqual(network.periods, 5)
        XCTAssertEqual(network.commodities.count, 1)
        XCTAssertEqual(network.hubs.count, 2)
        XCTAssertEqual(network.links.count, 1)
        XCTAssertEqual(network.arcs.count, 1)
        XCTAssertEqual(network.movements.count, 1)
        XCTAssertEqual(network.borderRules.count, 0)
        XCTAssertEqual(network.agreements.count, 0)
        XCTAssertEqual(network.countries, ["X", "Y"])
    }

    func testTopLevelDefaults() throws {
        let network = try XCTUnwrap(decode(Fixtures.minimalYAML, file: "some/dir/baltic.yaml"))
        XCTAssertEqual(network.name, "baltic", "name defaults to the file name without extension")
        XCTAssertEqual(network.periodLabel, "day")
        XCTAssertEqual(network.dimensions, ["t"])
        XCTAssertEqual(network.customsDefault, CustomsDefault(delay: 0, cost: .zeros(1)))
        let json = try XCTUnwrap(decodeJSON(DecodingFixture.minimalJSON, file: "corridor.json"))
        XCTAssertEqual(json.name, "corridor")
    }

    func testStandardInputIsNamedStdin() throws {
        let network = try XCTUnwrap(decode(Fixtures.minimalYAML, file: "-", format: nil))
        XCTAssertEqual(network.name, "stdin")
    }

    func testExplicitNameAndLabel() throws {
        let text = DecodingFixture.yaml(extra: "name: Baltic reinforcement\nperiod_label: week")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.name, "Baltic reinforcement")
        XCTAssertEqual(network.periodLabel, "week")
    }

    func testCommodityDefaults() throws {
        let text = DecodingFixture.yaml(extra: "dimensions: [t, pax]")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.commodities, [Commodity(id: "c", name: "c", uses: DimensionVector([1, 0]))],
                       "uses defaults to 1 on the first dimension; name to the id")
    }

    func testHubDefaults() throws {
        let network = try XCTUnwrap(decode(Fixtures.minimalYAML))
        XCTAssertEqual(network.hubs[0], Hub(id: "A", name: "A", country: "X", latitude: nil, longitude: nil,
                                            storage: .unlimited(1), handling: .unlimited(1),
                                            holdingCost: .zeros(1)))
    }

    func testLinkDefaults() throws {
        let network = try XCTUnwrap(decode(Fixtures.minimalYAML))
        XCTAssertEqual(network.links, [Link(id: "l", from: 0, to: 1, mode: "road", bothWays: false)])
        let arc = network.arcs[0]
        XCTAssertEqual(arc.link, 0)
        XCTAssertEqual(arc.from, 0)
        XCTAssertEqual(arc.to, 1)
        XCTAssertFalse(arc.isReverse)
        XCTAssertEqual(arc.mode, "road")
        XCTAssertEqual(arc.transit, 1)
        XCTAssertEqual(arc.capacity, .unlimited(1))
        XCTAssertEqual(arc.cost, .zeros(1))
        XCTAssertEqual(arc.openFirst, 0, "open defaults to the whole horizon")
        XCTAssertEqual(arc.openLast, 4)
        XCTAssertEqual(arc.carries, [true], "carries defaults to every commodity")
        XCTAssertEqual(arc.customs, Customs(source: .standard, delay: [0], cost: .zeros(1)),
                       "customs_default: delay 0, cost 0")
    }

    func testMovementDefaults() throws {
        let network = try XCTUnwrap(decode(Fixtures.minimalYAML))
        XCTAssertEqual(network.movements, [Movement(id: "m", commodity: 0, from: 0, to: 1, quantity: 10,
                                                    release: 0, due: 4, latePenalty: 1, unmetPenalty: 1000)])
    }

    func testBorderDefaults() throws {
        let text = DecodingFixture.yaml(extra: "borders:\n  - {from: X, to: Y}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.borderRules, [BorderRule(from: "X", to: "Y", declaredIndex: 0, isReverse: false,
                                                        delay: [0], capacity: .unlimited(1), cost: .zeros(1))])
        XCTAssertEqual(network.arcs[0].customs.source, .rule(0))
        XCTAssertEqual(network.arcs[0].customs.delay, [0], "border delay defaults to 0")
    }

    func testCustomsDefaultWithMissingFieldsTakesZero() throws {
        var network = try XCTUnwrap(decode(DecodingFixture.yaml(extra: "customs_default: {cost: 3}")))
        XCTAssertEqual(network.customsDefault, CustomsDefault(delay: 0, cost: DimensionVector([3])))
        XCTAssertEqual(network.arcs[0].customs, Customs(source: .standard, delay: [0], cost: DimensionVector([3])))
        network = try XCTUnwrap(decode(DecodingFixture.yaml(extra: "customs_default: {delay: 2}")))
        XCTAssertEqual(network.customsDefault, CustomsDefault(delay: 2, cost: .zeros(1)))
        XCTAssertEqual(network.arcs[0].customs, Customs(source: .standard, delay: [2], cost: .zeros(1)))
        network = try XCTUnwrap(decode(DecodingFixture.yaml(extra: "customs_default: {}")))
        XCTAssertEqual(network.customsDefault, CustomsDefault(delay: 0, cost: .zeros(1)))
    }

    func testEveryFieldGivenExplicitly() throws {
        let text = """
        name: Full
        periods: 10
        period_label: hour
        dimensions: [t, pax, teu]
        commodities:
          - {id: troops, name: Troops, uses: {pax: 1, t: 0.1}}
          - {id: fuel, uses: {t: 1, teu: 0.05}}
        hubs:
          - {id: A, name: Alpha, country: NO, lat: 68.4, lon: 17.4, storage: {t: 100}, handling: 50, holding_cost: {t: 2, pax: 1}}
          - {id: B, country: SE, lat: -90, lon: 180}
        links:
          - {id: ab, from: A, to: B, mode: rail, transit: 2, capacity: {t: 60, pax: 40}, cost: {t: 3}, open: [1, 7], carries: [fuel], both_ways: false}
        borders:
          - {from: NO, to: SE, delay: 1, delay_by_commodity: {troops: 0}, capacity: {t: 60}, cost: {t: 0.5}, both_ways: false}
        agreements:
          - {name: Nordic, members: [NO, SE, FI]}
        customs_default: {delay: 3, cost: {t: 9}}
        movements:
          - {id: m1, commodity: fuel, from: A, to: B, quantity: 150, release: 2, due: 6, late_penalty: 10, unmet_penalty: 500}
        """
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.name, "Full")
        XCTAssertEqual(network.periods, 10)
        XCTAssertEqual(network.periodLabel, "hour")
        XCTAssertEqual(network.dimensions, ["t", "pax", "teu"])
        XCTAssertEqual(network.commodities, [
            Commodity(id: "troops", name: "Troops", uses: DimensionVector([0.1, 1, 0])),
            Commodity(id: "fuel", name: "fuel", uses: DimensionVector([1, 0, 0.05])),
        ])
        XCTAssertEqual(network.hubs[0], Hub(id: "A", name: "Alpha", country: "NO", latitude: 68.4, longitude: 17.4,
                                            storage: DimensionVector([100, .infinity, .infinity]),
                                            handling: DimensionVector([50, .infinity, .infinity]),
                                            holdingCost: DimensionVector([2, 1, 0])))
        XCTAssertEqual(network.hubs[1].latitude, -90)
        XCTAssertEqual(network.hubs[1].longitude, 180)
        XCTAssertEqual(network.links, [Link(id: "ab", from: 0, to: 1, mode: "rail", bothWays: false)])
        let arc = network.arcs[0]
        XCTAssertEqual(arc.transit, 2)
        XCTAssertEqual(arc.capacity, DimensionVector([60, 40, .infinity]))
        XCTAssertEqual(arc.cost, DimensionVector([3, 0, 0]))
        XCTAssertEqual(arc.openFirst, 1)
        XCTAssertEqual(arc.openLast, 7)
        XCTAssertEqual(arc.carries, [false, true])
        XCTAssertEqual(arc.customs, Customs(source: .rule(0), delay: [0, 1], cost: DimensionVector([0.5, 0, 0])))
        XCTAssertEqual(network.borderRules.count, 1)
        XCTAssertEqual(network.borderRules[0].capacity, DimensionVector([60, .infinity, .infinity]))
        XCTAssertEqual(network.agreements, [Agreement(name: "Nordic", members: ["NO", "SE", "FI"])])
        XCTAssertEqual(network.customsDefault, CustomsDefault(delay: 3, cost: DimensionVector([9, 0, 0])))
        XCTAssertEqual(network.movements, [Movement(id: "m1", commodity: 1, from: 0, to: 1, quantity: 150,
                                                    release: 2, due: 6, latePenalty: 10, unmetPenalty: 500)])
    }

    func testExplicitNullMeansDefault() throws {
        let text = DecodingFixture.yaml(extra: "name: ~\nperiod_label: null\nborders: ~",
                                        movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 10, due: ~}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.name, "net")
        XCTAssertEqual(network.periodLabel, "day")
        XCTAssertEqual(network.movements[0].due, 4)
    }

    func testAgreementNameDefaults() throws {
        let text = DecodingFixture.yaml(extra: "agreements:\n  - members: [X, Y]\n  - {members: []}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.agreements, [Agreement(name: "agreement 1", members: ["X", "Y"]),
                                            Agreement(name: "agreement 2", members: [])])
    }

    func testLinksMayBeEmpty() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(links: "  []")))
        XCTAssertTrue(network.links.isEmpty)
        XCTAssertTrue(network.arcs.isEmpty)
    }

    func testCommentsAndDocumentMarkerAreFine() throws {
        let text = "# a comment\n---\n" + Fixtures.minimalYAML + "\n# trailing\n"
        XCTAssertNotNil(decode(text))
    }

    func testJSONKeyOrderDoesNotMatter() throws {
        let text = """
        {"movements": [{"quantity": 10, "to": "B", "from": "A", "commodity": "c", "id": "m"}],
         "links": [{"transit": 1, "to": "B", "from": "A", "id": "l"}],
         "hubs": [{"country": "X", "id": "A"}, {"country": "Y", "id": "B"}],
         "commodities": [{"id": "c"}], "periods": 5}
        """
        let reordered = try XCTUnwrap(decodeJSON(text))
        let plain = try XCTUnwrap(decodeJSON(DecodingFixture.minimalJSON))
        assertNetworksEqual(reordered, plain)
    }
}
