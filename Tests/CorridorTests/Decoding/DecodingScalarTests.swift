import Foundation
import XCTest
@testable import Corridor

/// Vectors (§4.9) and scalar typing (§4.10, §4.11).
final class DecodingScalarTests: XCTestCase {
    // MARK: Vectors

    func testPlainNumberSetsTheFirstDimensionOnly() throws {
        let text = DecodingFixture.yaml(
            extra: "dimensions: [t, pax]",
            commodities: "  - {id: c, uses: 2}",
            hubs: "  - {id: A, country: X, storage: 7, handling: 8, holding_cost: 9}\n  - {id: B, country: Y}",
            links: "  - {id: l, from: A, to: B, transit: 1, capacity: 50, cost: 3}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.commodities[0].uses, DimensionVector([2, 0]))
        XCTAssertEqual(network.hubs[0].storage, DimensionVector([7, .infinity]))
        XCTAssertEqual(network.hubs[0].handling, DimensionVector([8, .infinity]))
        XCTAssertEqual(network.hubs[0].holdingCost, DimensionVector([9, 0]))
        XCTAssertEqual(network.arcs[0].capacity, DimensionVector([50, .infinity]))
        XCTAssertEqual(network.arcs[0].cost, DimensionVector([3, 0]))
    }

    func testMissingDimensionIsUnlimitedForCapacityAndZeroForCost() throws {
        let text = DecodingFixture.yaml(
            extra: "dimensions: [t, pax, teu]",
            commodities: "  - {id: c, uses: {pax: 1}}",
            links: "  - {id: l, from: A, to: B, transit: 1, capacity: {pax: 40}, cost: {teu: 2}}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.commodities[0].uses, DimensionVector([0, 1, 0]),
                       "a given uses vector replaces the default; missing dimensions are 0")
        XCTAssertEqual(network.arcs[0].capacity, DimensionVector([.infinity, 40, .infinity]))
        XCTAssertEqual(network.arcs[0].cost, DimensionVector([0, 0, 2]))
    }

    func testEmptyVectorObjects() throws {
        let text = DecodingFixture.yaml(commodities: "  - {id: c, uses: {}}",
                                        links: "  - {id: l, from: A, to: B, transit: 1, capacity: {}, cost: {}}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.commodities[0].uses, DimensionVector([0]))
        XCTAssertEqual(network.arcs[0].capacity, .unlimited(1))
        XCTAssertEqual(network.arcs[0].cost, .zeros(1))
    }

    func testZeroCapacityIsKept() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 0, capacity: 0}")))
        XCTAssertEqual(network.arcs[0].capacity, DimensionVector([0]))
        XCTAssertEqual(network.arcs[0].transit, 0)
    }

    func testUndeclaredVectorKeyIsNamed() {
        let text = """
        periods: 5
        dimensions: [t, pax]
        commodities:
          - id: c
            uses: {t: 1, tonnes: 2}
        hubs:
          - {id: A, country: X}
          - {id: B, country: Y}
        links:
          - {id: l, from: A, to: B, transit: 1}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 10}
        """
        assertOnlyError(text, path: "commodities[0].uses.tonnes",
                        contains: "unknown dimension \"tonnes\" (declared: t, pax)", atLine: 5)
    }

    func testUndeclaredVectorKeyEverywhere() {
        let text = DecodingFixture.yaml(
            hubs: "  - {id: A, country: X, storage: {pax: 1}, handling: {pax: 1}, holding_cost: {pax: 1}}\n  - {id: B, country: Y}",
            links: "  - {id: l, from: A, to: B, transit: 1, capacity: {pax: 1}, cost: {pax: 1}}")
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 5, found.map(\.description).joined(separator: "\n"))
        for path in ["hubs[0].storage.pax", "hubs[0].handling.pax", "hubs[0].holding_cost.pax",
                     "links[0].capacity.pax", "links[0].cost.pax"] {
            assertDiagnostic(found, path: path, contains: "unknown dimension \"pax\" (declared: t)")
        }
    }

    func testVectorOfWrongKind() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, capacity: [1, 2]}"),
                        path: "links[0].capacity", contains: "expected a number or an object of dimensions, found a list")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, cost: cheap}"),
                        path: "links[0].cost", contains: "found a string")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, capacity: {t: lots}}"),
                        path: "links[0].capacity.t", contains: "expected a number, found a string")
    }

    // MARK: Scalar typing

    func testUnquotedCountryNOIsTheStringNO() throws {
        let text = DecodingFixture.yaml(
            extra: "borders:\n  - {from: NO, to: Yes, delay: 1}\nagreements:\n  - members: [NO, off, ON]",
            hubs: "  - id: A\n    country: NO\n  - id: B\n    country: Yes")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.hubs.map(\.country), ["NO", "Yes"])
        XCTAssertEqual(network.borderRules.map(\.from), ["NO"])
        XCTAssertEqual(network.borderRules.map(\.to), ["Yes"])
        XCTAssertEqual(network.agreements[0].members, ["NO", "off", "ON"])
        XCTAssertEqual(network.arcs[0].customs.source, .rule(0))
    }

    func testNumericIdsAreStringsInYAML() throws {
        let text = DecodingFixture.yaml(
            commodities: "  - {id: 123}",
            hubs: "  - {id: 1, country: 46}\n  - {id: 2.50, country: null_country}",
            links: "  - {id: 7, from: 1, to: 2.50, transit: 1, carries: [123], mode: 4}",
            movements: "  - {id: 0x1F, commodity: 123, from: 1, to: 2.50, quantity: 10}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.commodities[0].id, "123")
        XCTAssertEqual(network.hubs.map(\.id), ["1", "2.50"], "the source text is kept, not 2.5")
        XCTAssertEqual(network.hubs[0].country, "46")
        XCTAssertEqual(network.links[0].id, "7")
        XCTAssertEqual(network.links[0].mode, "4")
        XCTAssertEqual(network.movements[0].id, "0x1F")
        XCTAssertEqual(network.movements[0].commodity, 0)
        XCTAssertEqual(network.movements[0].to, 1)
    }

    func testNumericNameInYAMLIsItsText() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(extra: "name: 2024\nperiod_label: 1e3")))
        XCTAssertEqual(network.name, "2024")
        XCTAssertEqual(network.periodLabel, "1e3")
    }

    func testQuotedNumbersAreStringsNotNumbers() {
        assertOnlyError(DecodingFixture.yaml(periods: "\"5\""), path: "periods",
                        contains: "expected a number, found a string", atLine: 1)
        // An explicit `!!str` tag makes a string of a plain scalar too (a fuzz run found it read as 5).
        assertOnlyError(DecodingFixture.yaml(periods: "!!str 5"), path: "periods",
                        contains: "expected a number, found a string", atLine: 1)
    }

    func testNumberWhereStringExpectedInJSON() {
        let text = """
        {
          "periods": 5,
          "commodities": [{"id": "c"}],
          "hubs": [{"id": "A", "country": 5}, {"id": "B", "country": "Y"}],
          "links": [{"id": 7, "from": "A", "to": "B", "transit": 1}],
          "movements": [{"id": "m", "commodity": "c", "from": "A", "to": "B", "quantity": 10}]
        }
        """
        let found = jsonDiagnostics(text)
        XCTAssertEqual(found.count, 2, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "hubs[0].country", contains: "expected a string, found a number")
        assertDiagnostic(found, path: "links[0].id", contains: "expected a string, found a number")
    }

    func testBooleanWhereStringExpectedInJSON() {
        let text = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"country\": \"X\"", with: "\"country\": false")
        assertOnlyError(text, path: "hubs[0].country", contains: "expected a string, found a boolean", format: .json)
    }

    func testBothWaysSpellings() throws {
        for spelling in ["yes", "true", "True", "on", "YES"] {
            let text = DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, both_ways: \(spelling)}")
            let network = try XCTUnwrap(decode(text), spelling)
            XCTAssertEqual(network.arcs.count, 2, spelling)
        }
        for spelling in ["no", "false", "off", "NO"] {
            let text = DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, both_ways: \(spelling)}")
            let network = try XCTUnwrap(decode(text), spelling)
            XCTAssertEqual(network.arcs.count, 1, spelling)
        }
    }

    func testBothWaysOfWrongType() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, both_ways: \"yes\"}"),
                        path: "links[0].both_ways", contains: "expected true or false, found a string")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, both_ways: 1}"),
                        path: "links[0].both_ways", contains: "expected true or false, found a number")
    }

    func testIntegersWrittenWithPointZero() throws {
        let text = DecodingFixture.yaml(
            periods: "5.0",
            extra: "customs_default: {delay: 1.0}",
            links: "  - {id: l, from: A, to: B, transit: 3.0, open: [0.0, 2.0]}",
            movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 10, release: 1.0, due: 2.00}")
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.periods, 5)
        XCTAssertEqual(network.arcs[0].transit, 3)
        XCTAssertEqual(network.arcs[0].openLast, 2)
        XCTAssertEqual(network.movements[0].release, 1)
        XCTAssertEqual(network.movements[0].due, 2)
        XCTAssertEqual(network.customsDefault.delay, 1)
        let json = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"transit\": 1", with: "\"transit\": 1.0")
        XCTAssertEqual(try XCTUnwrap(decodeJSON(json)).arcs[0].transit, 1)
    }

    func testFractionalIntegersAreRejected() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 3.5}"),
                        path: "links[0].transit", contains: "must be a whole number, found 3.5")
        assertOnlyError(DecodingFixture.yaml(periods: "2.5"), path: "periods", contains: "must be a whole number")
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 10, release: 0.5}"),
                        path: "movements[0].release", contains: "must be a whole number")
        assertOnlyError(DecodingFixture.yaml(extra: "borders:\n  - {from: X, to: Y, delay: 1.25}"),
                        path: "borders[0].delay", contains: "must be a whole number")
    }

    func testFractionalQuantitiesAndCostsAreFine() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 1, cost: 0.25, capacity: 1.5}",
            movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 2.5, late_penalty: 0.5, unmet_penalty: 1e3}")))
        XCTAssertEqual(network.movements[0].quantity, 2.5)
        XCTAssertEqual(network.movements[0].latePenalty, 0.5)
        XCTAssertEqual(network.movements[0].unmetPenalty, 1000)
        XCTAssertEqual(network.arcs[0].cost, DimensionVector([0.25]))
    }

    func testYAMLNumberSpellings() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1_000, late_penalty: +2, unmet_penalty: .5}")))
        XCTAssertEqual(network.movements[0].quantity, 1000)
        XCTAssertEqual(network.movements[0].latePenalty, 2)
        XCTAssertEqual(network.movements[0].unmetPenalty, 0.5)
    }

    func testNegativeZeroIsZero() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            links: "  - {id: l, from: A, to: B, transit: 1, cost: -0.0}")))
        XCTAssertEqual(network.arcs[0].cost[0].sign, .plus)
    }

    func testIdentifiersMustNotBeEmpty() {
        assertOnlyError(DecodingFixture.yaml(commodities: "  - {id: \"  \"}\n  - {id: c}"),
                        path: "commodities[0].id", contains: "must not be empty")
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, mode: \"\"}"),
                        path: "links[0].mode", contains: "must not be empty")
    }

    func testIdentifierWithControlCharacter() {
        let text = DecodingFixture.yaml(hubs: "  - {id: \"A\\tB\", country: X}\n  - {id: A, country: X}\n  - {id: B, country: Y}")
        assertOnlyError(text, path: "hubs[0].id", contains: "must not contain control characters", atLine: 5)
    }

    /// Tags other than YAML's own types were ignored (`quantity: !foo 150` read as 150): they are
    /// errors naming the tag; `!!int`, `!!float` and `!!str` keep their meaning.
    func testUnknownTagsAreErrors() {
        for tag in ["!foo", "!!python/object:os.system"] {
            assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: \(tag) 10}"),
                            path: "movements[0].quantity", contains: "unknown tag \(tag)")
        }
        let typed = decode(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: !!float 10}"))
        XCTAssertEqual(typed?.movements.first?.quantity, 10)
    }

    /// The hint on how to make something unlimited is for capacities only.
    func testTheUnlimitedHintIsForCapacities() {
        let periods = diagnostics(DecodingFixture.yaml(periods: "1e17"))
        XCTAssertEqual(periods.first?.message, "1e+17 exceeds 1e12 in magnitude")
        let capacity = diagnostics(DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, capacity: 1e13}"))
        XCTAssertTrue(capacity.first?.message.hasSuffix("(leave a capacity out to make it unlimited)") ?? false, "\(capacity)")
    }

    /// Names and labels reach reports: a JSON `\u0000` in one printed a NUL byte on standard output.
    func testNamesRefuseControlCharacters() {
        let json = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"periods\": 5,", with: "\"name\": \"a\\u0000b\", \"periods\": 5,")
        XCTAssertNotEqual(json, DecodingFixture.minimalJSON)
        let found = jsonDiagnostics(json)
        XCTAssertEqual(found.map(\.path), ["name"], "\(found)")
        XCTAssertEqual(found.first?.message, "must not contain control characters")
        let hub = diagnostics(DecodingFixture.yaml(hubs: "  - {id: A, country: X, name: \"Port\\u0007\"}\n  - {id: B, country: Y}"))
        XCTAssertEqual(hub.map(\.path), ["hubs[0].name"], "\(hub)")
        XCTAssertNotNil(decode(DecodingFixture.yaml(extra: "name: \"Baltic — Ostsee 2026\"")))
    }
}
