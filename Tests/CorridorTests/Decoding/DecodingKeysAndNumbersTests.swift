import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// Validation of numbers, dimensions, unknown and duplicate keys, and the report of many errors
/// (contract §1, §4.9, §4.12, §5), each with its exact path and line.
final class DecodingKeysAndNumbersTests: XCTestCase {
    // MARK: Numbers

    func testNegativeCostsCapacitiesAndPenalties() {
        let text = """
        periods: 5
        customs_default: {cost: -1}
        commodities: [{id: c, uses: -2}]
        hubs:
          - {id: A, country: X, storage: -1, handling: {t: -1}, holding_cost: -0.5}
          - {id: B, country: Y}
        borders:
          - {from: X, to: Y, capacity: -5, cost: {t: -1}}
        links:
          - {id: l, from: A, to: B, transit: -1, capacity: -10, cost: -3}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 1, late_penalty: -1, unmet_penalty: -1000}
        """
        let found = diagnostics(text)
        let expected: [(String, String, Int)] = [
            ("customs_default.cost", "must be at least 0, found -1", 2),
            ("commodities[0].uses", "must be at least 0, found -2", 3),
            ("hubs[0].storage", "must be at least 0, found -1", 5),
            ("hubs[0].handling.t", "must be at least 0, found -1", 5),
            ("hubs[0].holding_cost", "must be at least 0, found -0.5", 5),
            ("borders[0].capacity", "must be at least 0, found -5", 8),
            ("borders[0].cost.t", "must be at least 0, found -1", 8),
            ("links[0].transit", "must be between 0 and", 10),
            ("links[0].capacity", "must be at least 0, found -10", 10),
            ("links[0].cost", "must be at least 0, found -3", 10),
            ("movements[0].late_penalty", "must be at least 0, found -1", 12),
            ("movements[0].unmet_penalty", "must be at least 0, found -1000", 12),
        ]
        XCTAssertEqual(found.count, expected.count, found.map(\.description).joined(separator: "\n"))
        for (path, message, line) in expected {
            assertDiagnostic(found, path: path, contains: message, atLine: line)
        }
    }

    func testNegativeDelays() {
        assertOnlyError(DecodingFixture.yaml(extra: "customs_default: {delay: -1}"), path: "customs_default.delay",
                        contains: "found -1", atLine: 2)
        assertOnlyError(DecodingFixture.yaml(extra: "borders:\n  - {from: X, to: Y, delay: -2}"), path: "borders[0].delay",
                        contains: "found -2", atLine: 3)
    }

    func testNonFiniteNumbers() {
        let text = """
        periods: 5
        commodities: [{id: c, uses: .nan}]
        hubs:
          - {id: A, country: X, storage: .inf, lat: .NaN}
          - {id: B, country: Y, holding_cost: -.inf}
        links:
          - {id: l, from: A, to: B, transit: .inf, capacity: {t: .Inf}}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: .nan, unmet_penalty: +.inf}
        """
        let found = diagnostics(text)
        let expected: [(String, Int)] = [
            ("commodities[0].uses", 2), ("hubs[0].storage", 4), ("hubs[0].lat", 4), ("hubs[1].holding_cost", 5),
            ("links[0].transit", 7), ("links[0].capacity.t", 7),
            ("movements[0].quantity", 9), ("movements[0].unmet_penalty", 9),
        ]
        XCTAssertEqual(found.count, expected.count, found.map(\.description).joined(separator: "\n"))
        for (path, line) in expected {
            assertDiagnostic(found, path: path, contains: "must be a finite number", atLine: line)
        }
    }

    func testOverflowingNumbers() {
        assertOnlyError(DecodingFixture.yaml(movements: "  - {id: m, commodity: c, from: A, to: B, quantity: 1e400}"),
                        path: "movements[0].quantity", contains: "must be a finite number")
        let json = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"quantity\": 10", with: "\"quantity\": 1e400")
        let found = jsonDiagnostics(json)
        XCTAssertEqual(found.count, 1)
        // Foundation says only "Number 1e400 is not representable in Swift."; line and path are found
        // from the text.
        XCTAssertEqual(found.first?.path, "movements[0].quantity")
        XCTAssertEqual(found.first?.message, "number 1e400 is out of range (numbers may not exceed 1e12 in magnitude)")
        let expectedLine = json.components(separatedBy: "\n").firstIndex { $0.contains("1e400") }.map { $0 + 1 }
        XCTAssertNotNil(expectedLine)
        XCTAssertEqual(found.first?.line, expectedLine)

        // The same literal earlier inside a string (after an escaped quote) is not the number's line.
        let named = json.replacingOccurrences(of: "\"periods\": 5,", with: "\"name\": \"a \\\" 1e400\",\n  \"periods\": 5,")
        XCTAssertNotEqual(named, json)
        let inString = jsonDiagnostics(named)
        XCTAssertEqual(inString.first?.message, "number 1e400 is out of range (numbers may not exceed 1e12 in magnitude)")
        XCTAssertEqual(inString.first?.line, expectedLine.map { $0 + 1 })
        XCTAssertEqual(inString.first?.path, "movements[0].quantity")

        // In a list, at its index (and the later -1e400 is not reported).
        let listed = DecodingFixture.minimalJSON.replacingOccurrences(
            of: "\"transit\": 1}", with: "\"transit\": 1, \"open\": [0, 2, 1e400, -1e400]}")
        XCTAssertNotEqual(listed, DecodingFixture.minimalJSON)
        let inList = jsonDiagnostics(listed)
        XCTAssertEqual(inList.count, 1)
        XCTAssertEqual(inList.first?.path, "links[0].open[2]", "\(inList)")
    }

    func testNumbersAbove1e12() {
        let text = """
        periods: 5
        commodities: [{id: c}]
        hubs:
          - {id: A, country: X, storage: 1e12}
          - {id: B, country: Y}
        links:
          - {id: l, from: A, to: B, transit: 1, capacity: 1.5e12, cost: {t: 2000000000000}}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 1e13, unmet_penalty: -1e15}
        """
        let found = diagnostics(text)
        let expected: [(String, Int)] = [("links[0].capacity", 7), ("links[0].cost.t", 7),
                                         ("movements[0].quantity", 9), ("movements[0].unmet_penalty", 9)]
        XCTAssertEqual(found.count, expected.count, found.map(\.description).joined(separator: "\n"))
        for (path, line) in expected {
            assertDiagnostic(found, path: path, contains: "exceeds 1e12 in magnitude", atLine: line)
        }
        let json = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"quantity\": 10", with: "\"quantity\": 12345678901234567890")
        assertOnlyError(json, path: "movements[0].quantity", contains: "exceeds 1e12", format: .json)
    }

    /// The mirror of §4.12 (docs/contract-readings.md, "Numbers"): a non-zero magnitude below 1e-12
    /// is an error — such values broke GLPK's scaling (an abort) and its tolerances (wrong plans).
    /// Exactly 1e-12 and 0 are fine; coordinates are not LP numbers and may be tiny.
    func testNonZeroNumbersBelow1eMinus12() {
        let text = """
        periods: 5
        commodities: [{id: c, uses: {t: 1e-300}}]
        hubs:
          - {id: A, country: X, storage: 1e-13, lat: 1e-300, lon: -1e-20}
          - {id: B, country: Y, handling: 1e-12}
        links:
          - {id: l, from: A, to: B, transit: 1, capacity: 0, cost: {t: 0.0000000000009}}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 1e-13, late_penalty: -1e-15}
        """
        let found = diagnostics(text)
        let expected: [(String, Int)] = [("commodities[0].uses.t", 2), ("hubs[0].storage", 4), ("links[0].cost.t", 7),
                                         ("movements[0].quantity", 9), ("movements[0].late_penalty", 9)]
        XCTAssertEqual(found.count, expected.count, found.map(\.description).joined(separator: "\n"))
        for (path, line) in expected {
            assertDiagnostic(found, path: path, contains: "is below 1e-12 in magnitude (write 0 for nothing)", atLine: line)
        }
    }

    func testLatitudeAndLongitudeRanges() {
        let found = diagnostics(DecodingFixture.yaml(hubs: "  - {id: A, country: X, lat: 91, lon: -181}\n  - {id: B, country: Y, lat: -90.5, lon: 180.5}"))
        XCTAssertEqual(found.count, 4, found.map(\.description).joined(separator: "\n"))
        assertDiagnostic(found, path: "hubs[0].lat", contains: "must be at most 90")
        assertDiagnostic(found, path: "hubs[0].lon", contains: "must be at least -180")
        assertDiagnostic(found, path: "hubs[1].lat", contains: "must be at least -90")
        assertDiagnostic(found, path: "hubs[1].lon", contains: "must be at most 180")
    }

    // MARK: Dimensions

    func testDimensionsDuplicatedOrEmpty() {
        assertOnlyError(DecodingFixture.yaml(extra: "dimensions: [t, pax, t]"), path: "dimensions[2]",
                        contains: "dimension \"t\" is declared twice", atLine: 2)
        assertOnlyError(DecodingFixture.yaml(extra: "dimensions: []"), path: "dimensions",
                        contains: "must list at least one dimension", atLine: 2)
        assertOnlyError(DecodingFixture.yaml(extra: "dimensions: t"), path: "dimensions",
                        contains: "expected a list, found a string", atLine: 2)
        assertOnlyError(DecodingFixture.yaml(extra: "dimensions: [t, \"\"]"), path: "dimensions[1]",
                        contains: "must not be empty", atLine: 2)
    }

    func testDeclaredDimensionsAreUsedInOrder() throws {
        let network = try XCTUnwrap(decode(DecodingFixture.yaml(extra: "dimensions: [pax, t]",
                                                                commodities: "  - {id: c, uses: {t: 2}}")))
        XCTAssertEqual(network.dimensions, ["pax", "t"])
        XCTAssertEqual(network.commodities[0].uses, DimensionVector([0, 2]))
    }

    // MARK: Unknown keys

    func testUnknownKeysAtEveryLevel() {
        let text = """
        periods: 5
        horizon: 5
        customs_default: {delay: 1, delya: 2}
        commodities:
          - {id: c, usess: 1}
        hubs:
          - {id: A, country: X, contry: Y}
          - {id: B, country: Y}
        links:
          - {id: l, from: A, to: B, transit: 1, speed: 3}
        borders:
          - {from: X, to: Y, delay_by: {c: 1}}
        agreements:
          - {name: EU, members: [X], member: [Y]}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 1, priority: high}
        """
        let found = diagnostics(text)
        let expected: [(String, Int)] = [
            ("horizon", 2), ("customs_default.delya", 3), ("commodities[0].usess", 5), ("hubs[0].contry", 7),
            ("links[0].speed", 10), ("borders[0].delay_by", 12), ("agreements[0].member", 14),
            ("movements[0].priority", 16),
        ]
        XCTAssertEqual(found.count, expected.count, found.map(\.description).joined(separator: "\n"))
        for (path, line) in expected {
            assertDiagnostic(found, path: path, contains: "unknown key", atLine: line)
        }
        assertDiagnostic(found, path: "hubs[0].contry", contains: "(allowed: id, name, country, lat, lon, storage, handling, holding_cost)")
        assertDiagnostic(found, path: "horizon", contains: "allowed: name, periods,")
    }

    func testUnknownKeyDidYouMean() {
        let text = """
        Periods: 5
        commodities: [{id: c}]
        hubs:
          - {id: A, Country: X}
          - {id: B, country: Y}
        links:
          - {id: l, from: A, to: B, transit: 1, both-ways: true}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 1, Late-Penalty: 3}
        """
        let found = diagnostics(text)
        assertDiagnostic(found, path: "Periods", contains: "unknown key (did you mean \"periods\"?)", atLine: 1)
        assertDiagnostic(found, path: "hubs[0].Country", contains: "did you mean \"country\"?", atLine: 4)
        assertDiagnostic(found, path: "links[0].both-ways", contains: "did you mean \"both_ways\"?", atLine: 7)
        assertDiagnostic(found, path: "movements[0].Late-Penalty", contains: "did you mean \"late_penalty\"?", atLine: 9)
        // The misspelt required keys are also missing.
        assertDiagnostic(found, path: "periods", contains: "is required")
        assertDiagnostic(found, path: "hubs[0].country", contains: "is required")
    }

    func testUnknownKeysInJSON() {
        let text = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"transit\": 1", with: "\"transit\": 1, \"Mode\": \"rail\"")
        assertOnlyError(text, path: "links[0].Mode", contains: "did you mean \"mode\"?", format: .json)
    }

    func testNonScalarKeyIsRefused() {
        let text = Fixtures.minimalYAML + "\n? [a, b]\n: 1\n"
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("a key must be a plain name") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 20)
    }

    // MARK: Duplicate keys

    func testDuplicateKeyInYAML() {
        let text = Fixtures.minimalYAML + "\nperiods: 6\n"
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.message, "key \"periods\" is given twice in one object")
        XCTAssertEqual(found.first?.line, 1)
    }

    func testDuplicateKeyInNestedYAMLObject() {
        let text = DecodingFixture.yaml(links: "  - id: l\n    from: A\n    to: B\n    transit: 1\n    transit: 2")
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("\"transit\" is given twice") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, lineOf("transit: 1", in: text))
    }

    func testDuplicateKeyQuotedAndPlainInYAML() {
        let text = DecodingFixture.yaml(links: "  - {id: l, from: A, to: B, transit: 1, \"transit\": 2}")
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("\"transit\" is given twice") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 8)
    }

    func testDuplicateKeyWhoseSpellingsResolveDifferently() {
        // `1` (an integer to YAML) and `"1"` (a string) are the same commodity id to us.
        let text = DecodingFixture.yaml(
            extra: "borders:\n  - from: X\n    to: Y\n    delay_by_commodity:\n      1: 2\n      \"1\": 5",
            commodities: "  - {id: \"1\"}",
            movements: "  - {id: m, commodity: \"1\", from: A, to: B, quantity: 10}")
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("\"1\" is given twice") ?? false, "\(found)")
    }

    func testDuplicateKeyInJSON() {
        let text = """
        {
          "periods": 5,
          "commodities": [{"id": "c"}],
          "hubs": [{"id": "A", "country": "X"}, {"id": "B", "country": "Y"}],
          "links": [{"id": "l", "from": "A", "to": "B",
                     "transit": 1,
                     "transit": 2}],
          "movements": [{"id": "m", "commodity": "c", "from": "A", "to": "B", "quantity": 10}]
        }
        """
        let found = jsonDiagnostics(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.message, "key \"transit\" is given twice in one object")
        XCTAssertEqual(found.first?.line, 7)
    }

    func testDuplicateTopLevelKeyInJSON() {
        let text = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"periods\": 5,", with: "\"periods\": 5,\n  \"periods\": 6,")
        let found = jsonDiagnostics(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 3)
        XCTAssertTrue(found.first?.message.contains("\"periods\" is given twice") ?? false, "\(found)")
    }

    func testDuplicateKeyWrittenWithEscapesInJSON() {
        let text = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"periods\": 5,", with: "\"periods\": 5,\n  \"p\\u0065riods\": 6,")
        let found = jsonDiagnostics(text)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("\"periods\" is given twice") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 3)
    }

    func testSameKeyInDifferentJSONObjectsIsFine() throws {
        let text = """
        {"periods": 5, "commodities": [{"id": "c", "name": "{\\"id\\": 1}"}],
         "hubs": [{"id": "A", "country": "X", "name": "id"}, {"id": "B", "country": "Y"}],
         "links": [{"id": "l", "from": "A", "to": "B", "transit": 1, "carries": ["c"]}],
         "movements": [{"id": "m", "commodity": "c", "from": "A", "to": "B", "quantity": 10}]}
        """
        let network = try XCTUnwrap(decodeJSON(text))
        XCTAssertEqual(network.commodities[0].name, "{\"id\": 1}")
        XCTAssertEqual(network.hubs[0].name, "id")
    }

    // MARK: Several errors

    func testSeveralErrorsAreAllReportedInDocumentOrder() {
        let text = """
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 0}
        links:
          - {id: l, from: A, to: B, transit: -1}
        hubs:
          - {id: A, country: X, lat: 100}
          - {id: B, country: Y}
        commodities:
          - {id: c, uses: {tonnes: 1}}
        periods: 0
        speling: 1
        """
        let found = diagnostics(text)
        XCTAssertEqual(found.map(\.path), ["movements[0].quantity", "links[0].transit", "hubs[0].lat",
                                           "commodities[0].uses.tonnes", "periods", "speling"],
                       found.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(found.compactMap(\.line), [2, 4, 6, 9, 10, 11])
    }

    func testManyErrorsAreAllReported() {
        var movements = ""
        for index in 0..<120 {
            movements += "  - {id: m\(index), commodity: c, from: A, to: B, quantity: -\(index + 1)}\n"
        }
        let text = DecodingFixture.yaml(movements: String(movements.dropLast()))
        let found = diagnostics(text)
        XCTAssertEqual(found.count, 120)
        XCTAssertEqual(found.map(\.path), (0..<120).map { "movements[\($0)].quantity" })
        XCTAssertEqual(found.compactMap(\.line), Array(10..<130))
        let error = InputError(found)
        let report = error.report(limit: 50)
        XCTAssertEqual(report.split(separator: "\n").count, 51)
        XCTAssertTrue(report.hasSuffix("… and 70 more problems"), report)
    }

    func testHugeQuotedValuesAreCutInTheReport() {
        let long = String(repeating: "Q", count: 200_000)
        let found = diagnostics(DecodingFixture.yaml(links: "  - {id: l, from: A, to: \(long), transit: 1}"))
        let diagnostic = assertDiagnostic(found, path: "links[0].to", contains: "unknown hub \"QQQ")
        XCTAssertEqual(found.count, 1)
        let report = InputError(found).report()
        XCTAssertLessThan(report.utf8.count, 1100)
        let cut = (diagnostic?.description.count ?? 0) - InputError.maximumLineLength
        XCTAssertTrue(report.hasSuffix("… (\(cut) more characters)"), String(report.suffix(80)))
        XCTAssertTrue(report.hasPrefix("net.yaml:8: links[0].to: unknown hub \"QQQ"), String(report.prefix(80)))
    }

    func testReportCutsByCharacters() {
        let short = Diagnostic(file: "f.yaml", path: "name", message: String(repeating: "å", count: 900))
        XCTAssertEqual(InputError([short]).report(), short.description, "900 characters (1800 bytes) are not cut")
        let long = Diagnostic(file: "f.yaml", path: "name", message: String(repeating: "å", count: 2000))
        let report = InputError([long]).report()
        XCTAssertEqual(report, String(long.description.prefix(1000)) + "… (\(long.description.count - 1000) more characters)")
    }

    func testDiagnosticFormat() {
        let found = diagnostics(DecodingFixture.yaml(periods: "0"), file: "dir/net.yaml")
        XCTAssertEqual(found.first?.description, "dir/net.yaml:1: periods: must be between 1 and 1000000, found 0")
        XCTAssertEqual(Diagnostic(file: "f.json", path: "", message: "is empty").description, "f.json: is empty")
        XCTAssertEqual(Diagnostic(file: "f.json", path: "a.b", message: "bad").description, "f.json: a.b: bad")
    }
}
