import Foundation
import XCTest
@testable import Corridor

/// `both_ways`, `open`, `carries` and the customs of a crossing (contract §1, §4.2, §4.3, §4.5, §4.7).
final class DecodingLinkAndCustomsTests: XCTestCase {
    // MARK: both_ways links

    func testBothWaysLinkYieldsTwoReversedArcsWithOneId() throws {
        let text = DecodingFixture.yaml(
            links: "  - {id: ab, from: A, to: B, transit: 2, capacity: 30, cost: 4, open: [1, 3], mode: rail, both_ways: yes}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.links, [Link(id: "ab", from: 0, to: 1, mode: "rail", bothWays: true)])
        XCTAssertEqual(network.arcs.count, 2)
        let (forward, reverse) = (network.arcs[0], network.arcs[1])
        XCTAssertEqual(forward.link, 0)
        XCTAssertEqual(reverse.link, 0, "both directions share the declared link (and its id)")
        XCTAssertEqual([forward.from, forward.to], [0, 1])
        XCTAssertEqual([reverse.from, reverse.to], [1, 0])
        XCTAssertFalse(forward.isReverse)
        XCTAssertTrue(reverse.isReverse)
        for arc in network.arcs {
            XCTAssertEqual(arc.transit, 2)
            XCTAssertEqual(arc.capacity, DimensionVector([30]))
            XCTAssertEqual(arc.cost, DimensionVector([4]))
            XCTAssertEqual(arc.openFirst, 1)
            XCTAssertEqual(arc.openLast, 3)
            XCTAssertEqual(arc.mode, "rail")
            XCTAssertEqual(arc.carries, [true])
            XCTAssertEqual(arc.customs.source, .standard)
        }
    }

    // MARK: open

    func testOpenIsClippedToTheHorizon() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 1, open: [2, 100]}")))
        XCTAssertEqual(network.arcs[0].openFirst, 2)
        XCTAssertEqual(network.arcs[0].openLast, 4)
        XCTAssertTrue(network.arcs[0].isOpen(at: 4))
        XCTAssertFalse(network.arcs[0].isOpen(at: 1))
    }

    func testOpenSinglePeriod() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 1, open: [3, 3]}")))
        XCTAssertEqual((0..<5).filter { network.arcs[0].isOpen(at: $0) }, [3])
    }

    func testOpenEntirelyPastTheHorizonIsNeverOpen() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 1, open: [7, 9]}")))
        XCTAssertTrue((0..<5).allSatisfy { !network.arcs[0].isOpen(at: $0) })
        XCTAssertGreaterThan(network.arcs[0].openFirst, network.arcs[0].openLast)
        let huge = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 1, open: [1000000000000, 1000000000000]}")))
        XCTAssertTrue((0..<5).allSatisfy { !huge.arcs[0].isOpen(at: $0) })
    }

    func testOpenBackwardsIsAnError() {
        let text = DecodingFixture.yaml(links: "  - id: l\n    from: A\n    to: B\n    transit: 1\n    open: [3, 1]")
        assertOnlyError(text, path: "links[0].open", contains: "first (3) must not be after last (1)",
                        atLine: lineOf("open:", in: text))
    }

    func testOpenWithWrongCount() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, open: [1, 2, 3]}"),
                        path: "links[0].open", contains: "expected [first, last], found 3 values")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, open: [1]}"),
                        path: "links[0].open", contains: "found 1 values")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, open: 3}"),
                        path: "links[0].open", contains: "expected a list, found a number")
    }

    func testOpenNegativeOrFractional() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, open: [-1, 2]}"),
                        path: "links[0].open[0]", contains: "found -1")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, open: [0, -2]}"),
                        path: "links[0].open[1]", contains: "found -2")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, open: [0, 1.5]}"),
                        path: "links[0].open[1]", contains: "must be a whole number")
    }

    // MARK: carries

    func testCarriesEmptyAllowsNothing() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            commodities: "  - {id: c}\n  - {id: d}",
            links: "  - {id: l, from: A, to: B, transit: 1, carries: []}")))
        XCTAssertEqual(network.arcs[0].carries, [false, false])
    }

    func testCarriesSubset() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            commodities: "  - {id: c}\n  - {id: d}\n  - {id: e}",
            links: "  - {id: l, from: A, to: B, transit: 1, carries: [e, c], both_ways: true}")))
        XCTAssertEqual(network.arcs[0].carries, [true, false, true])
        XCTAssertEqual(network.arcs[1].carries, [true, false, true])
    }

    func testCarriesUnknownCommodity() {
        let text = DecodingFixture.yaml(links: "  - id: l\n    from: A\n    to: B\n    transit: 1\n    carries:\n      - c\n      - fuel")
        assertOnlyError(text, path: "links[0].carries[1]", contains: "unknown commodity \"fuel\"",
                        atLine: lineOf("- fuel", in: text))
    }

    func testCarriesOfWrongType() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, carries: c}"),
                        path: "links[0].carries", contains: "expected a list, found a string")
    }

    // MARK: Border rules

    /// Three countries X, Y, Z with one hub each and links X→Y, Y→X, X→Z, Z→X, Y→Z.
    private func threeCountries(_ customs: String, commodities: String = "  - {id: c}") -> String {
        DecodingFixture.yaml(
            extra: customs,
            commodities: commodities,
            hubs: "  - {id: A, country: X}\n  - {id: B, country: Y}\n  - {id: C, country: Z}\n  - {id: A2, country: X}",
            links: """
              - {id: ab, from: A, to: B, transit: 1, both_ways: true}
              - {id: ac, from: A, to: C, transit: 1, both_ways: true}
              - {id: bc, from: B, to: C, transit: 1}
              - {id: aa, from: A, to: A2, transit: 1}
            """)
    }

    /// The customs of the arc from hub `from` to hub `to`.
    private func customs(_ network: Network, _ from: String, _ to: String,
                         file: StaticString = #filePath, line: UInt = #line) -> Customs? {
        guard let arc = network.arcs.first(where: { network.hubs[$0.from].id == from && network.hubs[$0.to].id == to }) else {
            XCTFail("no arc \(from) → \(to)", file: file, line: line)
            return nil
        }
        return arc.customs
    }

    func testDomesticLinkHasNoCustoms() throws {
        let network = try XCTUnwrap(decode(threeCountries("customs_default: {delay: 5, cost: 7}")))
        XCTAssertEqual(customs(network, "A", "A2"), Customs(source: .domestic, delay: [0], cost: .zeros(1)))
        XCTAssertEqual(customs(network, "A", "A2")?.isCrossing, false)
    }

    func testCustomsDefaultAppliesWithoutRuleOrAgreement() throws {
        let network = try XCTUnwrap(decode(threeCountries("customs_default: {delay: 5, cost: 7}")))
        for (from, to) in [("A", "B"), ("B", "A"), ("A", "C"), ("C", "A"), ("B", "C")] {
            XCTAssertEqual(customs(network, from, to), Customs(source: .standard, delay: [5], cost: DimensionVector([7])),
                           "\(from) → \(to)")
        }
    }

    func testBothWaysBorderGivesTwoRulesEachWithItsOwnCapacity() throws {
        let network = try XCTUnwrap(decode(threeCountries(
            "borders:\n  - {from: X, to: Y, delay: 2, capacity: 60, cost: 1.5, both_ways: true}")))
        XCTAssertEqual(network.borderRules, [
            BorderRule(from: "X", to: "Y", declaredIndex: 0, isReverse: false, delay: [2],
                       capacity: DimensionVector([60]), cost: DimensionVector([1.5])),
            BorderRule(from: "Y", to: "X", declaredIndex: 0, isReverse: true, delay: [2],
                       capacity: DimensionVector([60]), cost: DimensionVector([1.5])),
        ])
        XCTAssertEqual(customs(network, "A", "B")?.source, .rule(0))
        XCTAssertEqual(customs(network, "B", "A")?.source, .rule(1), "the reverse direction is its own rule")
        XCTAssertEqual(customs(network, "A", "B")?.delay, [2])
        XCTAssertEqual(customs(network, "B", "A")?.cost, DimensionVector([1.5]))
    }

    func testOneWayBorderCoversOnlyItsDirection() throws {
        let network = try XCTUnwrap(decode(threeCountries("borders:\n  - {from: X, to: Y, delay: 2}\ncustoms_default: {delay: 9}")))
        XCTAssertEqual(network.borderRules.count, 1)
        XCTAssertEqual(customs(network, "A", "B")?.source, .rule(0))
        XCTAssertEqual(customs(network, "B", "A"), Customs(source: .standard, delay: [9], cost: .zeros(1)))
    }

    func testDelayByCommodityOverridesAndAppliesToBothDirections() throws {
        let network = try XCTUnwrap(decode(threeCountries(
            "borders:\n  - {from: X, to: Y, delay: 2, delay_by_commodity: {medics: 0, fuel: 4}, both_ways: true}",
            commodities: "  - {id: c}\n  - {id: medics}\n  - {id: fuel}")))
        XCTAssertEqual(network.borderRules.map(\.delay), [[2, 0, 4], [2, 0, 4]])
        XCTAssertEqual(customs(network, "A", "B")?.delay, [2, 0, 4])
        XCTAssertEqual(customs(network, "B", "A")?.delay, [2, 0, 4])
        let ab = try XCTUnwrap(network.arcs.firstIndex { $0.from == 0 && $0.to == 1 })
        XCTAssertEqual(network.arrival(arc: ab, departing: 1, commodity: 2), 1 + 1 + 4)
    }

    func testDelayByCommodityWithoutDelayDefaultsOthersToZero() throws {
        let network = try XCTUnwrap(decode(threeCountries(
            "borders:\n  - {from: X, to: Y, delay_by_commodity: {d: 3}}",
            commodities: "  - {id: c}\n  - {id: d}")))
        XCTAssertEqual(network.borderRules[0].delay, [0, 3])
    }

    func testDelayByCommodityUnknownCommodity() {
        let text = threeCountries("borders:\n  - from: X\n    to: Y\n    delay_by_commodity: {fuel: 1}")
        assertOnlyError(text, path: "borders[0].delay_by_commodity.fuel", contains: "unknown key",
                        atLine: lineOf("delay_by_commodity", in: text))
    }

    func testDelayByCommodityBadValue() {
        assertOnlyError(threeCountries("borders:\n  - {from: X, to: Y, delay_by_commodity: {c: -1}}"),
                        path: "borders[0].delay_by_commodity.c", contains: "found -1")
        assertOnlyError(threeCountries("borders:\n  - {from: X, to: Y, delay_by_commodity: [c]}"),
                        path: "borders[0].delay_by_commodity", contains: "expected an object, found a list")
    }

    func testAgreementRemovesCustomsBetweenMembers() throws {
        let network = try XCTUnwrap(decode(threeCountries(
            "agreements:\n  - {name: EU, members: [X, Y]}\ncustoms_default: {delay: 9}")))
        XCTAssertEqual(customs(network, "A", "B"), Customs(source: .agreement(0), delay: [0], cost: .zeros(1)))
        XCTAssertEqual(customs(network, "B", "A"), Customs(source: .agreement(0), delay: [0], cost: .zeros(1)))
        XCTAssertEqual(customs(network, "A", "C")?.source, .standard)
    }

    func testExplicitRuleBeatsAgreementAndOneWayRuleLeavesReverseFree() throws {
        let network = try XCTUnwrap(decode(threeCountries(
            "borders:\n  - {from: X, to: Y, delay: 2}\nagreements:\n  - {name: EU, members: [X, Y]}\ncustoms_default: {delay: 9}")))
        XCTAssertEqual(customs(network, "A", "B")?.source, .rule(0), "explicit rules always win")
        XCTAssertEqual(customs(network, "A", "B")?.delay, [2])
        XCTAssertEqual(customs(network, "B", "A"), Customs(source: .agreement(0), delay: [0], cost: .zeros(1)),
                       "a one-way rule between agreement members leaves the reverse customs-free (§4.3)")
    }

    func testAgreementsAreNotTransitive() throws {
        let network = try XCTUnwrap(decode(threeCountries(
            "agreements:\n  - {name: XY, members: [X, Y]}\n  - {name: YZ, members: [Y, Z]}\ncustoms_default: {delay: 9, cost: 1}")))
        XCTAssertEqual(customs(network, "A", "B")?.source, .agreement(0))
        XCTAssertEqual(customs(network, "B", "C")?.source, .agreement(1))
        XCTAssertEqual(customs(network, "A", "C"), Customs(source: .standard, delay: [9], cost: DimensionVector([1])),
                       "X and Z share no agreement")
        XCTAssertEqual(customs(network, "C", "A")?.source, .standard)
    }

    func testBorderRuleWithSameCountries() {
        let text = threeCountries("borders:\n  - from: X\n    to: X\n    delay: 1")
        assertOnlyError(text, path: "borders[0].to", contains: "two different countries (both are \"X\")",
                        atLine: lineOf("to: X", in: text))
    }

    func testTwoRulesForTheSamePair() {
        let text = threeCountries("borders:\n  - {from: X, to: Y, delay: 1}\n  - {from: X, to: Y, delay: 2}")
        assertOnlyError(text, path: "borders[1].from", contains: "a second border rule for X → Y", atLine: 4)
    }

    func testTwoRulesForTheSamePairThroughBothWays() {
        let text = threeCountries("borders:\n  - {from: X, to: Y, delay: 1}\n  - {from: Y, to: X, delay: 2, both_ways: true}")
        assertOnlyError(text, path: "borders[1].from", contains: "a second border rule for X → Y (through both_ways)",
                        atLine: 4)
        let other = threeCountries("borders:\n  - {from: X, to: Y, both_ways: true}\n  - {from: Y, to: X}")
        assertOnlyError(other, path: "borders[1].from", contains: "a second border rule for Y → X", atLine: 4)
    }

    func testRulesForUnusedCountriesAreFine() throws {
        let network = try XCTUnwrap(decode(threeCountries("borders:\n  - {from: DE, to: PL, delay: 1}")))
        XCTAssertEqual(network.borderRules.count, 1)
        XCTAssertTrue(network.arcs.allSatisfy { $0.customs.rule == nil })
    }

    func testBorderMissingCountries() {
        let found = diagnostics(threeCountries("borders:\n  - {delay: 1}"))
        XCTAssertEqual(found.count, 2, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "borders[0].from", contains: "is required", atLine: 3)
        assertDiagnostic(found, path: "borders[0].to", contains: "is required", atLine: 3)
    }

    func testAgreementMembersRequired() {
        assertOnlyError(threeCountries("agreements:\n  - {name: EU}"), path: "agreements[0].members", contains: "is required")
        assertOnlyError(threeCountries("agreements:\n  - {name: EU, members: X}"), path: "agreements[0].members",
                        contains: "expected a list, found a string")
        assertOnlyError(threeCountries("agreements:\n  - {name: EU, members: [X, [Y]]}"), path: "agreements[0].members[1]",
                        contains: "expected a string, found a list")
    }
}
