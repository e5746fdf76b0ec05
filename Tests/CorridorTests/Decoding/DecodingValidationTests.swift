import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// Every validation error of contract §1 and §4, each with its exact path and line.
final class DecodingValidationTests: XCTestCase {
    // MARK: Required keys

    func testMissingTopLevelSections() {
        let found = diagnostics("name: nothing else\n")
        XCTAssertEqual(found.count, 5, found.map(\.description).joined(separator: "\n"))
        for key in ["periods", "commodities", "hubs", "links", "movements"] {
            assertDiagnostic(found, path: key, contains: "is required", atLine: 1)
        }
    }

    func testMissingPeriodsAlone() {
        let text = Fixtures.minimalYAML.replacingOccurrences(of: "periods: 5\n", with: "")
        assertOnlyError(text, path: "periods", contains: "is required", atLine: 1)
    }

    func testMissingPeriodsInJSON() {
        let text = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"periods\": 5,", with: "")
        assertOnlyError(text, path: "periods", contains: "is required", format: .json)
    }

    func testMissingRequiredFieldsOfEntities() {
        let text = """
        periods: 5
        commodities:
          - {id: c}
          - {name: nameless}
        hubs:
          - {id: A, country: X}
          - {id: B, country: Y}
          - {id: C}
          - {country: Z}
        links:
          - {id: l, from: A, to: B}
          - {from: A, to: B, transit: 1}
          - {id: l3, to: B, transit: 1}
          - {id: l4, from: A, transit: 1}
        movements:
          - {id: m, commodity: c, from: A, to: B}
          - {commodity: c, from: A, to: B, quantity: 1}
          - {id: m3, from: A, to: B, quantity: 1}
          - {id: m4, commodity: c, to: B, quantity: 1}
          - {id: m5, commodity: c, from: A, quantity: 1}
        """
        let found = diagnostics(text)
        let expected: [(String, Int)] = [
            ("commodities[1].id", 4),
            ("hubs[2].country", 8), ("hubs[3].id", 9),
            ("links[0].transit", 11), ("links[1].id", 12), ("links[2].from", 13), ("links[3].to", 14),
            ("movements[0].quantity", 16), ("movements[1].id", 17), ("movements[2].commodity", 18),
            ("movements[3].from", 19), ("movements[4].to", 20),
        ]
        XCTAssertEqual(found.count, expected.count, found.map(\.description).joined(separator: "\n"))
        for (path, line) in expected {
            assertDiagnostic(found, path: path, contains: "is required", atLine: line)
        }
    }

    func testRequiredFieldGivenAsNull() {
        let text = DecodingFixture.yaml(links: "  - id: l\n    from: A\n    to: B\n    transit: ~")
        assertOnlyError(text, path: "links[0].transit", contains: "is required", atLine: lineOf("transit: ~", in: text))
    }

    // MARK: Counts

    func testPeriodsZeroAndNegative() {
        assertOnlyError(DecodingFixture.yaml(periods: "0"), path: "periods", contains: "found 0", atLine: 1)
        assertOnlyError(DecodingFixture.yaml(periods: "-3"), path: "periods", contains: "found -3", atLine: 1)
    }

    func testPeriodsOfWrongType() {
        assertOnlyError(DecodingFixture.yaml(periods: "five"), path: "periods",
                        contains: "expected a number, found a string", atLine: 1)
        assertOnlyError(DecodingFixture.yaml(periods: "[5]"), path: "periods",
                        contains: "expected a number, found a list", atLine: 1)
    }

    func testFewerThanTwoHubs() {
        let one = DecodingFixture.yaml(hubs: "  - {id: A, country: X}", links: "  []",
                                       movements: "  - {id: m, commodity: c, from: A, to: A, quantity: 1}")
        var found = diagnostics(one)
        XCTAssertEqual(found.count, 2, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "hubs", contains: "must list at least 2 (found 1)", atLine: 5)
        assertDiagnostic(found, path: "movements[0].to", contains: "two different hubs", atLine: 9)
        let none = DecodingFixture.yaml(hubs: "  []", links: "  []", movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1}")
        found = diagnostics(none)
        XCTAssertEqual(found.count, 3, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "hubs", contains: "must list at least 2 (found 0)", atLine: 5)
        assertDiagnostic(found, path: "movements[0].from", contains: "unknown hub \"A\"")
        assertDiagnostic(found, path: "movements[0].to", contains: "unknown hub \"B\"")
    }

    func testEmptyCommoditiesAndMovements() {
        let text = DecodingFixture.yaml(commodities: "  []", links: "  []", movements: "  []")
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 2, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "commodities", contains: "must list at least 1 (found 0)", atLine: 3)
        assertDiagnostic(found, path: "movements", contains: "must list at least 1 (found 0)")
    }

    func testSectionsOfWrongKind() {
        assertOnlyError(DecodingFixture.yaml(extra: "borders: {from: X, to: Y}"), path: "borders",
                        contains: "expected a list, found an object", atLine: 2)
        let text = "periods: 5\ncommodities: [{id: c}]\nhubs: {id: A, country: X}\nlinks: []\nmovements: []\n"
        let found = diagnostics(text)
        assertDiagnostic(found, path: "hubs", contains: "expected a list, found an object", atLine: 3)
        assertOnlyError(DecodingFixture.yaml(movements: "  - 3"), path: "movements[0]",
                        contains: "expected an object, found a number", atLine: 10)
    }

    func testListItemsOfWrongKind() {
        let text = DecodingFixture.yaml(hubs: "  - A\n  - {id: B, country: Y}\n  - [C]", links: "  []",
                                        movements: "  - {id: m, commodity: c, from: B, to: B2, quantity: 1}")
        let found = diagnostics(text)
        assertDiagnostic(found, path: "hubs[0]", contains: "expected an object, found a string", atLine: 5)
        assertDiagnostic(found, path: "hubs[2]", contains: "expected an object, found a list", atLine: 7)
    }

    func testRootOfWrongKind() {
        for (text, kind) in [("- a\n- b\n", "a list"), ("just a string\n", "a string"), ("42\n", "a number"),
                             ("true\n", "a boolean")] {
            let found = diagnostics(text)
            XCTAssertEqual(found.count, 1, text)
            XCTAssertEqual(found.first?.path, "", text)
            XCTAssertEqual(found.first?.message, "expected an object, found \(kind)", text)
        }
        assertOnlyError("[1, 2, 3]", path: "", contains: "expected an object, found a list", format: .json)
        assertOnlyError("\"text\"", path: "", contains: "expected an object, found a string", format: .json)
        assertOnlyError("null", path: "", contains: "expected an object, found null", format: .json)
    }

    // MARK: Duplicate ids

    func testDuplicateIds() {
        let text = """
        periods: 5
        commodities:
          - {id: c}
          - {id: c}
        hubs:
          - {id: A, country: X}
          - {id: B, country: Y}
          - {id: A, country: Z}
        links:
          - {id: l, from: A, to: B, transit: 1}
          - {id: l, from: B, to: A, transit: 1}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 10}
          - {id: m, commodity: c, from: B, to: A, quantity: 10}
        """
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 4, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "commodities[1].id", contains: "duplicate commodity id \"c\"", atLine: 4)
        assertDiagnostic(found, path: "hubs[2].id", contains: "duplicate hub id \"A\"", atLine: 8)
        assertDiagnostic(found, path: "links[1].id", contains: "duplicate link id \"l\"", atLine: 11)
        assertDiagnostic(found, path: "movements[1].id", contains: "duplicate movement id \"m\"", atLine: 14)
    }

    func testDuplicateIdNamesTheFirstIndexInTheDocument() {
        // The first link is invalid (no transit): the duplicate must still point at links[1], where
        // the id is first used, and be reported together with the missing transit.
        let text = DecodingFixture.yaml(links: """
          - {id: k, from: A, to: B}
          - {id: l, from: A, to: B, transit: 1}
          - {id: l, from: B, to: A, transit: 1}
        """)
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 2, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "links[0].transit", contains: "is required")
        assertDiagnostic(found, path: "links[2].id", contains: "duplicate link id \"l\" (first used at links[1])")
    }

    func testDuplicateIdOfAnInvalidEntityIsStillReported() {
        let text = DecodingFixture.yaml(links: """
          - {id: l, from: A, to: B}
          - {id: l, from: B, to: A, transit: 1}
        """)
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 2, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "links[0].transit", contains: "is required")
        assertDiagnostic(found, path: "links[1].id", contains: "duplicate link id \"l\"")
    }

    func testInvalidHubDoesNotCauseUnknownHubErrors() {
        // One mistake, one message: a hub whose country is missing is still a known hub id.
        let text = DecodingFixture.yaml(hubs: "  - {id: A}\n  - {id: B, country: Y}")
        assertOnlyError(text, path: "hubs[0].country", contains: "is required", atLine: 5)
    }

    func testInvalidCommodityDoesNotCauseUnknownCommodityErrors() {
        let text = DecodingFixture.yaml(commodities: "  - {id: c, uses: {t: -1}}",
                                        links: "  - {id: l, from: A, to: B, transit: 1, carries: [c]}")
        assertOnlyError(text, path: "commodities[0].uses.t", contains: "must be at least 0, found -1", atLine: 3)
    }

    // MARK: References

    func testUnknownReferences() {
        let text = """
        periods: 5
        commodities: [{id: c}]
        hubs:
          - {id: A, country: X}
          - {id: B, country: Y}
        links:
          - {id: l1, from: Z, to: B, transit: 1}
          - {id: l2, from: A, to: W, transit: 1}
        movements:
          - {id: m1, commodity: fuel, from: A, to: B, quantity: 1}
          - {id: m2, commodity: c, from: Q, to: B, quantity: 1}
          - {id: m3, commodity: c, from: A, to: R, quantity: 1}
        """
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 5, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "links[0].from", contains: "unknown hub \"Z\"", atLine: 7)
        assertDiagnostic(found, path: "links[1].to", contains: "unknown hub \"W\"", atLine: 8)
        assertDiagnostic(found, path: "movements[0].commodity", contains: "unknown commodity \"fuel\"", atLine: 10)
        assertDiagnostic(found, path: "movements[1].from", contains: "unknown hub \"Q\"", atLine: 11)
        assertDiagnostic(found, path: "movements[2].to", contains: "unknown hub \"R\"", atLine: 12)
    }

    func testReferencesAreCaseSensitive() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: a, to: B, transit: 1}"),
                        path: "links[0].from", contains: "unknown hub \"a\"")
    }

    func testLinkAndMovementMustJoinTwoHubs() {
        assertOnlyError(DecodingFixture.yaml(links: "  - {id: l, from: A, to: A, transit: 1}"),
                        path: "links[0].to", contains: "a link must join two different hubs", atLine: 8)
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: B, to: B, quantity: 1}"),
                        path: "movements[0].to", contains: "a movement must go between two different hubs", atLine: 10)
    }

    // MARK: Movements

    func testQuantityMustBePositive() {
        let zero = DecodingFixture.yaml(movements: "  - id: m\n    commodity: c\n    from: A\n    to: B\n    quantity: 0")
        assertOnlyError(zero, path: "movements[0].quantity", contains: "must be greater than 0, found 0",
                        atLine: lineOf("quantity: 0", in: zero))
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: -5}"),
                        path: "movements[0].quantity", contains: "must be greater than 0, found -5")
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: -0.5}"),
                        path: "movements[0].quantity", contains: "found -0.5")
    }

    func testReleaseMustLieInTheHorizon() {
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, release: 5}"),
                        path: "movements[0].release", contains: "must be between 0 and 4, found 5", atLine: 10)
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, release: -1}"),
                        path: "movements[0].release", contains: "found -1")
        let network = decode(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, release: 4}"))
        XCTAssertEqual(network?.movements[0].release, 4)
        XCTAssertEqual(network?.movements[0].due, 4)
    }

    func testDueBeforeRelease() {
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, release: 3, due: 2}"),
                        path: "movements[0].due", contains: "due (2) is before release (3)", atLine: 10)
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, due: -1}"),
                        path: "movements[0].due", contains: "found -1")
    }

    func testDueBeyondTheHorizonIsAllowed() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, release: 2, due: 100}")))
        XCTAssertEqual(network.movements[0].due, 100)
        XCTAssertEqual(network.movements[0].release, 2)
    }

    func testDueDefaultsToTheLastPeriodEvenWithALateRelease() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(
            movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1, release: 3}")))
        XCTAssertEqual(network.movements[0].due, 4)
    }
}
