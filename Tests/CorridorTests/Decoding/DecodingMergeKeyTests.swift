import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// YAML 1.1 merge keys (`<<: *anchor`, `<<: [*a, *b]`): explicit keys win, earlier merged mappings
/// win over later ones, merges nest, and a `<<` that is not a mapping or a list of mappings is an
/// error naming its file, line and path. (The merge bombs are in `YAMLAliasBudgetTests`.)
final class DecodingMergeKeyTests: XCTestCase {
    /// The arc of the link `id` (its forward direction).
    private func arc(_ id: String, in network: Network, file: StaticString = #filePath, line: UInt = #line) -> Arc? {
        guard let index = network.links.firstIndex(where: { $0.id == id }),
              let arc = network.arcs.first(where: { $0.link == index && !$0.isReverse }) else {
            XCTFail("no link \"\(id)\"", file: file, line: line)
            return nil
        }
        return arc
    }

    // MARK: Semantics

    func testMergeOfOneMapping() throws {
        // The anchor is defined on the first link's own merge value, so that its id and ends are
        // not part of what later links merge.
        let text = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, transit: 1, <<: &rail {mode: rail, capacity: {t: 100}, cost: {t: 2}}}
              - {<<: *rail, id: ba, from: B, to: A, transit: 2}
            """)
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.links.map(\.mode), ["rail", "rail"])
        for id in ["ab", "ba"] {
            let link = try XCTUnwrap(arc(id, in: network))
            XCTAssertEqual(link.capacity, DimensionVector([100]), id)
            XCTAssertEqual(link.cost, DimensionVector([2]), id)
        }
        XCTAssertEqual(try XCTUnwrap(arc("ba", in: network)).transit, 2)
        XCTAssertEqual(network.links[1].from, 1)
    }

    func testMergeOfAListOfMappings() throws {
        let text = DecodingFixture.yaml(links: """
              - id: ab
                from: A
                to: B
                transit: 1
                <<: [&rail {mode: rail}, &cheap {cost: {t: 1}}, &open {open: [1, 3], carries: [c]}]
              - {<<: [*rail, *cheap, *open], id: ba, from: B, to: A, transit: 1}
              - {<<: [], id: empty, from: A, to: B, transit: 1}
            """)
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.links.map(\.mode), ["rail", "rail", "road"])
        for id in ["ab", "ba"] {
            let link = try XCTUnwrap(arc(id, in: network))
            XCTAssertEqual(link.cost, DimensionVector([1]), id)
            XCTAssertEqual([link.openFirst, link.openLast], [1, 3], id)
            XCTAssertEqual(link.carries, [true], id)
        }
        let empty = try XCTUnwrap(arc("empty", in: network))
        XCTAssertEqual(empty.cost, DimensionVector([0]), "an empty merge list merges nothing")
        XCTAssertEqual([empty.openFirst, empty.openLast], [0, 4])
    }

    func testExplicitKeyWinsWhereverItIsWritten() throws {
        // Before or after the `<<`, the mapping's own key wins, and it is not a duplicate key.
        let text = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, <<: &rail {mode: rail, transit: 3, cost: {t: 2}}}
              - {mode: road, <<: *rail, id: ba, from: B, to: A}
              - {<<: *rail, id: ab2, from: A, to: B, cost: {t: 9}, transit: 1}
            """)
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.links.map(\.mode), ["rail", "road", "rail"])
        XCTAssertEqual(try XCTUnwrap(arc("ba", in: network)).transit, 3)
        let overridden = try XCTUnwrap(arc("ab2", in: network))
        XCTAssertEqual(overridden.cost, DimensionVector([9]))
        XCTAssertEqual(overridden.transit, 1)
    }

    func testEarlierMergedMappingWins() throws {
        let text = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, transit: 1, <<: [&fast {mode: air, transit: 0, cost: {t: 9}}, &slow {mode: sea, transit: 3, cost: {t: 1}, capacity: {t: 7}}]}
              - {<<: [*slow, *fast], id: ba, from: B, to: A}
            """)
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.links.map(\.mode), ["air", "sea"])
        let first = try XCTUnwrap(arc("ab", in: network))
        XCTAssertEqual(first.transit, 1, "the link's own key still wins over both")
        XCTAssertEqual(first.cost, DimensionVector([9]), "from the earlier mapping")
        XCTAssertEqual(first.capacity, DimensionVector([7]), "only the later mapping has it")
        let second = try XCTUnwrap(arc("ba", in: network))
        XCTAssertEqual(second.transit, 3)
        XCTAssertEqual(second.cost, DimensionVector([1]))
    }

    func testNestedMerges() throws {
        // `heavy` merges `rail` and overrides its capacity; a link merging `heavy` gets `rail`'s
        // mode through it. Merges also work inside a vector.
        let text = DecodingFixture.yaml(
            extra: "dimensions: [t, pax]",
            links: """
              - id: ab
                from: A
                to: B
                transit: 1
                <<: &rail {mode: rail, capacity: &cap {t: 100, pax: 10}, cost: {t: 2}}
              - id: ba
                from: B
                to: A
                <<: &heavy {<<: *rail, transit: 4, capacity: {<<: *cap, t: 500}}
              - {<<: *heavy, id: ab2, from: A, to: B, cost: {<<: {t: 7, pax: 7}, pax: 1}}
            """)
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.links.map(\.mode), ["rail", "rail", "rail"])
        let heavy = try XCTUnwrap(arc("ba", in: network))
        XCTAssertEqual(heavy.transit, 4)
        XCTAssertEqual(heavy.capacity, DimensionVector([500, 10]))
        XCTAssertEqual(heavy.cost, DimensionVector([2, 0]))
        let nested = try XCTUnwrap(arc("ab2", in: network))
        XCTAssertEqual(nested.transit, 4)
        XCTAssertEqual(nested.capacity, DimensionVector([500, 10]))
        XCTAssertEqual(nested.cost, DimensionVector([7, 1]))
    }

    func testMergedAndExplicitKeysAreNoDuplicateButTwoExplicitOnesStillAre() {
        let twice = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, transit: 1, <<: &rail {mode: rail}}
              - {<<: *rail, id: ba, from: B, to: A, transit: 1, transit: 2}
            """)
        let found = diagnostics(twice)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("\"transit\" is given twice") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 9)
        // `<<` itself may be given only once (YAML 1.1): merge a list instead.
        let merges = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, transit: 1, <<: &rail {mode: rail}}
              - {<<: *rail, <<: {cost: 1}, id: ba, from: B, to: A, transit: 1}
            """)
        let second = diagnostics(merges)
        XCTAssertEqual(second.count, 1, "\(second)")
        XCTAssertTrue(second.first?.message.contains("\"<<\" is given twice") ?? false, "\(second)")
    }

    // MARK: Errors

    func testMergeOfSomethingOtherThanAnObjectIsAnError() {
        for value in ["5", "road", "~", "[a, b]", "[[{mode: rail}]]"] {
            let text = DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, <<: \(value)}")
            let path = value.hasPrefix("[") ? "links[0].<<[0]" : "links[0].<<"
            assertOnlyError(text, path: path, contains: "merge key (<<)", atLine: 8)
        }
        let text = DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, <<: 5}")
        XCTAssertEqual(diagnostics(text).map(\.description),
                       ["net.yaml:8: links[0].<<: a merge key (<<) takes an object or a list of objects, found a number"])
    }

    func testMergeListWithANonObjectNamesTheItemAndItsLine() {
        // The line is the offending value's, here on its own line below the `<<`.
        let text = DecodingFixture.yaml(links: """
              - id: ab
                from: A
                to: B
                transit: 1
                <<: &rail {mode: rail}
              - id: ba
                from: B
                to: A
                transit: 1
                <<:
                  - *rail
                  - rail
            """)
        XCTAssertEqual(diagnostics(text).map(\.description),
                       ["net.yaml:19: links[1].<<[1]: a merge key (<<) takes objects only, found a string in its list"])
    }

    func testMergeErrorInsideAnAnchorIsReportedWhereTheAnchorIsWritten() {
        let text = DecodingFixture.yaml(
            extra: "name: &bad {<<: 3}",
            links: "  - {<<: *bad, id: l, from: A, to: B, transit: 1}")
        assertOnlyError(text, path: "name.<<", contains: "found a number", atLine: 2)
    }

    func testQuotedMergeKeyIsAnOrdinaryKey() {
        // Only a plain `<<` merges (YAML 1.1); `"<<"` is a key like any other, and unknown here.
        let text = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, transit: 1, <<: &rail {mode: rail}}
              - {"<<": *rail, id: ba, from: B, to: A, transit: 1}
            """)
        assertOnlyError(text, path: "links[1].<<", contains: "unknown key")
        let json = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"transit\": 1", with: "\"transit\": 1, \"<<\": {\"mode\": \"rail\"}")
        assertOnlyError(json, path: "links[0].<<", contains: "unknown key", format: .json)
    }

    // MARK: Lines

    func testDiagnosticsAboutMergedValuesPointAtTheLineTheValueIsWrittenOn() {
        // The path names the object the value was merged into; the line is where the value is
        // written (the anchored mapping), which is where it has to be fixed.
        let text = DecodingFixture.yaml(links: """
              - id: ab
                from: A
                to: B
                transit: 1
                <<: &rail
                  mode: rail
                  cost: {t: -1}
              - {<<: *rail, id: ba, from: B, to: A, transit: 1}
            """)
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 2, "\(found)")
        let costLine = lineOf("cost: {t: -1}", in: text)
        assertDiagnostic(found, path: "links[0].cost.t", contains: "must be at least 0", atLine: costLine)
        assertDiagnostic(found, path: "links[1].cost.t", contains: "must be at least 0", atLine: costLine)
    }

    func testMissingKeyInAMergingObjectPointsAtTheObject() {
        let text = DecodingFixture.yaml(links: """
              - {id: ab, from: A, to: B, transit: 1, <<: &rail {mode: rail}}
              - {<<: *rail, id: ba, from: B, to: A}
            """)
        assertOnlyError(text, path: "links[1].transit", contains: "is required", atLine: 9)
    }

    // MARK: Where anchors live

    func testATopLevelKeyHoldingAnchorsIsAnUnknownKey() {
        // The contract makes every unknown key an error, so anchors are defined where they are
        // first used (see docs/contract-readings.md), not under a key of their own.
        let text = DecodingFixture.yaml(
            extra: "defaults: &road {mode: road, cost: {t: 2}}",
            links: "  - {<<: *road, id: l, from: A, to: B, transit: 1}")
        assertOnlyError(text, path: "defaults", contains: "unknown key", atLine: 2)
    }

    // MARK: A whole network

    /// datasets/tiny.yaml written with merge keys: anchors defined on first use, a list merge that
    /// is partly overridden, and a movement that takes most of its fields from another.
    static let tinyWithMerges = """
    name: Tiny Narvik–Luleå example
    periods: 6
    period_label: day
    dimensions: [t, pax]
    commodities:
      - {id: food, name: Food (tonnes), uses: {t: 1}}
      - {id: medics, name: Medical team members, uses: {pax: 1, t: 0.1}}
    hubs:
      - {id: NVK, name: Narvik port, country: "NO", lat: 68.4385, lon: 17.4272}
      - &sweden {id: KRN, name: Kiruna, country: SE, lat: 67.8558, lon: 20.2253}
      - {<<: *sweden, id: LLA, name: Luleå, lat: 65.5848, lon: 22.1547}
    links:
      - id: ofotbanen
        <<: [&narvik-kiruna {from: NVK, to: KRN, transit: 1}, &rail {mode: rail, capacity: {t: 100}, cost: {t: 2}}]
        carries: [food]
      - id: e10
        <<: *narvik-kiruna
        mode: road
        capacity: {t: 30, pax: 40}
        cost: {t: 5, pax: 1}
        both_ways: true
      - {<<: [*rail, *narvik-kiruna], id: malmbanan, from: KRN, to: LLA, capacity: {t: 200, pax: 100}, cost: {t: 1}}
    borders:
      - {from: "NO", to: SE, delay: 1, capacity: {t: 60}}
    movements:
      - &food {id: food-lulea, commodity: food, from: NVK, to: LLA, quantity: 150, release: 0, due: 3, late_penalty: 10}
      - {<<: *food, id: medics-kiruna, commodity: medics, to: KRN, quantity: 40, due: 2, late_penalty: 100}
    """

    func testNetworkWrittenWithMergesEqualsItsLonghand() throws {
        let merged = try Fixtures.network(Self.tinyWithMerges, file: "tiny-merged.yaml")
        let longhand = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        assertNetworksEqual(merged, longhand)
        let plan = try Planner.plan(merged).plan
        XCTAssertEqual(plan.objective, 1790, accuracy: 1e-9, "the hand-computed optimum of datasets/tiny.yaml")
        XCTAssertEqual(plan.movements.map(\.legs), try Planner.plan(longhand).plan.movements.map(\.legs))
    }
}
