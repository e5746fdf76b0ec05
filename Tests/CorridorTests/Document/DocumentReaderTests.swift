import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// `DocumentReader` on hostile and malformed input: every case is an `InputError` naming the file,
/// never a crash or a hang.
final class DocumentReaderTests: XCTestCase {
    // MARK: Empty and binary

    func testEmptyAndBlankInput() {
        for format in [DocumentReader.Format.json, .yaml, nil] {
            assertRefused(Data(), format: format, message: "is empty")
            assertRefused(Data(" \n\t\r\n  ".utf8), format: format, message: "is empty")
        }
    }

    func testCommentOnlyYAMLIsEmpty() {
        assertRefused(Data("# nothing here\n\n# at all\n".utf8), format: .yaml, message: "is empty")
        assertRefused(Data("---\n...\n".utf8), format: .yaml, message: "expected an object, found null")
    }

    func testNotUTF8() {
        assertRefused(Data([0xFF, 0xFE, 0x00, 0x41]), format: nil, message: "is not UTF-8 text")
        assertRefused(Data([0x70, 0x65, 0xC3, 0x28]), format: .yaml, message: "is not UTF-8 text")
    }

    func testNULBytes() {
        var data = Data(Fixtures.minimalYAML.utf8)
        data.insert(0, at: 20)
        assertRefused(data, format: .yaml, message: "contains NUL bytes")
        assertRefused(Data("{\"periods\": 1}\0".utf8), format: .json, message: "contains NUL bytes")
    }

    func testSeededRandomBytes() {
        var generator = NoiseGenerator(seed: 0xC0FFEE)
        for round in 0..<200 {
            let count = Int.random(in: 1...512, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for format in [DocumentReader.Format.json, .yaml, nil] {
                let found = refusal(Data(bytes), format: format)
                XCTAssertFalse(found.isEmpty, "round \(round)")
            }
        }
    }

    func testSeededRandomPrintableText() {
        var generator = NoiseGenerator(seed: 42)
        let alphabet = Array("abcXYZ019 :-,[]{}\"'#&*!|>?%@`\n\t.")
        for round in 0..<300 {
            let count = Int.random(in: 1...400, using: &generator)
            let text = String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            for format in [DocumentReader.Format.json, .yaml] {
                let found = refusal(Data(text.utf8), format: format)
                XCTAssertFalse(found.isEmpty, "round \(round)")
            }
        }
    }

    // MARK: Syntax errors

    func testTruncatedJSON() {
        let text = String(DecodingFixture.minimalJSON.prefix(80))
        let found = refusal(Data(text.utf8), file: "in.yaml", format: .json)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasPrefix("is not valid JSON") ?? false, "\(found)")
    }

    func testJSONSyntaxErrorHasALine() {
        let text = "{\n  \"periods\": 5,\n  \"hubs\": [1, 2,,]\n}\n"
        let found = refusal(Data(text.utf8), format: .json)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasPrefix("is not valid JSON") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 3)
    }

    func testJSONSyntaxErrorLineAfterNonASCIIText() {
        let text = "{\n  \"name\": \"Luleå–Kiruna–Narvik–Tromsø–Oulu–Rovaniemi–Haparanda–Åre\",\n  \"a\": 1,\n  \"b\": ,\n  \"c\": 2\n}\n"
        let found = refusal(Data(text.utf8), format: .json)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 4, "\(found)")
    }

    func testYAMLSyntaxErrorHasALine() {
        let text = "periods: 5\nhubs:\n  - id: A\n   country: [X\n"
        let found = refusal(Data(text.utf8), format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasPrefix("is not valid YAML") ?? false, "\(found)")
        XCTAssertNotNil(found.first?.line)
        XCTAssertEqual(found.first?.path, "")
    }

    func testTabIndentationIsAYAMLError() {
        let found = refusal(Data("periods: 5\nhubs:\n\t- id: A\n".utf8), format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("YAML") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 3)
    }

    func testJSONArrayInsteadOfObject() {
        assertRefused(Data("[{\"periods\": 5}]".utf8), format: .json, message: "expected an object, found a list")
        assertRefused(Data("[{\"periods\": 5}]".utf8), format: nil, message: "expected an object, found a list")
    }

    func testMultipleYAMLDocumentsAreRefused() {
        let text = Fixtures.minimalYAML + "\n---\n" + Fixtures.minimalYAML
        let found = refusal(Data(text.utf8), format: .yaml)
        XCTAssertEqual(found.count, 1, "\(found)")
    }

    // MARK: Nesting

    func testDeepJSONArrays() {
        let found = refusalWithin(20, String(repeating: "[", count: 100_000), format: .json)
        XCTAssertEqual(found.count, 1)
    }

    func testDeepJSONObjects() {
        let text = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let found = refusalWithin(20, text, format: .json)
        XCTAssertEqual(found.count, 1)
    }

    func testDeepYAMLFlow() {
        for text in [String(repeating: "[", count: 100_000),
                     "hubs: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
                     "hubs: " + String(repeating: "{a: ", count: 100_000)] {
            let found = refusalWithin(20, text, format: .yaml)
            XCTAssertEqual(found.count, 1)
            XCTAssertTrue(found.first?.message.contains("nesting is deeper than") ?? false, "\(found)")
        }
    }

    func testDeepYAMLBlockSequences() {
        let text = String(repeating: "- ", count: 100_000) + "x\n"
        let found = refusalWithin(20, text, format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("nesting") ?? false, "\(found)")
    }

    func testDeepYAMLByIndentation() {
        var text = ""
        for level in 0..<2_000 { text += String(repeating: " ", count: level) + "k:\n" }
        let found = refusalWithin(20, text, format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("nesting") ?? false, "\(found)")
    }

    func testDeepYAMLThroughComplexKeysAndComments() {
        // Constructs the cheap pre-check does not see; libyaml and the converter must still refuse them.
        for text in [String(repeating: "? ", count: 100_000) + "x\n",
                     String(repeating: "- ? ", count: 50_000) + "x\n",
                     "x: [a#, " + String(repeating: "[", count: 900) + String(repeating: "]", count: 901) + "\n",
                     "x: [a', " + String(repeating: "[", count: 900) + String(repeating: "]", count: 901) + "\n"] {
            let found = refusalWithin(20, text, format: .yaml)
            XCTAssertEqual(found.count, 1, "\(found)")
            XCTAssertTrue(found.first?.message.lowercased().contains("nesting") ?? false, "\(found)")
        }
    }

    func testWindowsLineEndings() throws {
        let crlf = Fixtures.minimalYAML.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertNotNil(decode(crlf))
        let invalid = crlf.replacingOccurrences(of: "quantity: 10", with: "quantity: 0")
        let found = diagnostics(invalid)
        XCTAssertEqual(found.map(\.description), ["net.yaml:19: movements[0].quantity: must be greater than 0, found 0"])
        let deep = "periods: 5\r\nname: x\r\nhubs: " + String(repeating: "[", count: 200) + "\r\n"
        let refused = refusal(Data(deep.utf8), format: .yaml)
        XCTAssertEqual(refused.count, 1)
        XCTAssertEqual(refused.first?.line, 3, "\(refused)")
        XCTAssertTrue(refused.first?.message.contains("nesting is deeper than") ?? false, "\(refused)")
    }

    /// A UTF-8 byte order mark before the first key (YAML) or brace (JSON, also when the format is
    /// detected) is skipped, and line numbers stay the file's.
    func testByteOrderMarkIsSkipped() throws {
        let mark = "\u{FEFF}"
        XCTAssertNotNil(decode(mark + Fixtures.minimalYAML))
        XCTAssertNotNil(decodeJSON(mark + DecodingFixture.minimalJSON))
        XCTAssertNoThrow(try DocumentReader.parse(Data((mark + DecodingFixture.minimalJSON).utf8), file: "-"))
        let invalid = (mark + Fixtures.minimalYAML).replacingOccurrences(of: "quantity: 10", with: "quantity: 0")
        XCTAssertEqual(diagnostics(invalid).map(\.description), ["net.yaml:19: movements[0].quantity: must be greater than 0, found 0"])
    }

    /// Foundation's parser accepts `[1,]` and `{"a": 1,}`; JSON (and jq, Python) does not.
    func testTrailingCommasAreRefusedWithTheirLine() {
        let inList = DecodingFixture.minimalJSON.replacingOccurrences(of: "[{\"id\": \"c\"}]", with: "[{\"id\": \"c\"},]")
        XCTAssertEqual(refusal(Data(inList.utf8), file: "in.yaml", format: .json).map(\.description),
                       ["in.yaml:3: commodities: is not valid JSON (a comma before a closing bracket or brace)"])
        let inObject = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"quantity\": 10}", with: "\"quantity\": 10,\n}")
        XCTAssertEqual(refusal(Data(inObject.utf8), file: "in.yaml", format: .json).map(\.description),
                       ["in.yaml:6: movements[0]: is not valid JSON (a comma before a closing bracket or brace)"])
        XCTAssertNotNil(decodeJSON(DecodingFixture.minimalJSON.replacingOccurrences(of: "\"periods\": 5,", with: "\"periods\": 5, \"name\": \"x, }\",")),
                        "a comma inside a string is text")
    }

    /// A key given twice is reported with the path of its object, counted through nested lists.
    func testDuplicateKeysNameTheirObject() {
        let nested = DecodingFixture.minimalJSON.replacingOccurrences(
            of: "[{\"id\": \"A\", \"country\": \"X\"}, {\"id\": \"B\", \"country\": \"Y\"}]",
            with: "[{\"id\": \"A\", \"country\": \"X\", \"storage\": [1, {\"t\": 2}]}, {\"id\": \"B\", \"country\": \"Y\", \"storage\": {\"t\": 1, \"t\": 2}}]")
        XCTAssertEqual(refusal(Data(nested.utf8), file: "in.yaml", format: .json).map(\.description),
                       ["in.yaml:4: hubs[1].storage: key \"t\" is given twice in one object"])
        let top = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"periods\": 5,", with: "\"periods\": 5, \"periods\": 6,")
        XCTAssertEqual(refusal(Data(top.utf8), file: "in.yaml", format: .json).map(\.description),
                       ["in.yaml:2: key \"periods\" is given twice in one object"])
    }

    func testReasonableNestingIsFine() throws {
        // A realistic document nests about five levels; forty is still accepted by the reader.
        let text = "periods: 1\nname: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        let document = try DocumentReader.parse(Data(text.utf8), file: "in.yaml", format: .yaml)
        guard case .map = document.value else { return XCTFail("expected an object") }
    }

    // MARK: Detection

    func testFormatDetection() {
        XCTAssertEqual(DocumentReader.detect("  \n {\"a\": 1}"), .json)
        XCTAssertEqual(DocumentReader.detect("[1]"), .json)
        XCTAssertEqual(DocumentReader.detect("periods: 5"), .yaml)
        XCTAssertEqual(DocumentReader.detect("# {comment}\n{}"), .yaml)
        XCTAssertEqual(DocumentReader.format(forPath: "a/B.JSON"), .json)
        XCTAssertEqual(DocumentReader.format(forPath: "net.yml"), .yaml)
        XCTAssertEqual(DocumentReader.format(forPath: "net.Yaml"), .yaml)
        XCTAssertNil(DocumentReader.format(forPath: "-"))
        XCTAssertNil(DocumentReader.format(forPath: "net.txt"))
    }

    /// Standard input (no extension) that opens with `{` but is a YAML flow document is read as
    /// YAML, like the same text in a .yaml file; text that is neither keeps the JSON diagnostic, and
    /// JSON's own refusals (trailing comma) are not bypassed.
    func testYAMLFlowDocumentOnStandardInputIsRead() throws {
        let flow = "{periods: 5, commodities: [{id: c}], hubs: [{id: A, country: X}, {id: B, country: Y}], "
            + "links: [{id: l, from: A, to: B, transit: 1}], movements: [{id: m, commodity: c, from: A, to: B, quantity: 10}]}"
        let detected = try XCTUnwrap(decode(flow, file: "-", format: nil))
        let asYAML = try XCTUnwrap(decode(flow, file: "-", format: .yaml))
        assertNetworksEqual(detected, asYAML)
        XCTAssertEqual(detected.hubs.map(\.id), ["A", "B"])

        let neither = diagnostics("{periods: [5}", file: "-", format: nil)
        XCTAssertEqual(neither.count, 1)
        XCTAssertTrue(neither.first?.message.hasPrefix("is not valid JSON") ?? false, "\(neither)")

        let trailing = DecodingFixture.minimalJSON.replacingOccurrences(of: "\"quantity\": 10}", with: "\"quantity\": 10,}")
        XCTAssertNotEqual(trailing, DecodingFixture.minimalJSON)
        let refused = diagnostics(trailing, file: "-", format: nil)
        XCTAssertTrue(refused.first?.message.contains("a comma before a closing bracket") ?? false, "\(refused)")
    }

    func testYAMLFileWrittenAsJSONIsRead() throws {
        let yaml = try XCTUnwrap(decode(DecodingFixture.minimalJSON, file: "net.yaml", format: .yaml))
        let json = try XCTUnwrap(decodeJSON(DecodingFixture.minimalJSON, file: "net.json"))
        assertNetworksEqual(yaml, json)
    }

    func testJSONWithYAMLExtensionErrorsStillNameTheFile() {
        let found = diagnostics("{\"periods\": 0}", file: "x.yml", format: .yaml)
        XCTAssertTrue(found.allSatisfy { $0.file == "x.yml" })
    }

    // MARK: Files

    func testReadingMissingFileAndDirectory() throws {
        XCTAssertThrowsError(try DocumentReader.read(path: "/nonexistent/dir/net.yaml")) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.diagnostics.first?.description, "/nonexistent/dir/net.yaml: no such file")
        }
        let directory = FileManager.default.temporaryDirectory.path
        XCTAssertThrowsError(try DocumentReader.read(path: directory)) { error in
            let input = error as? InputError
            XCTAssertTrue(input?.diagnostics.first?.message.contains("is a directory") ?? false)
        }
    }

    func testLoadingAFile() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-decoding-\(ProcessInfo.processInfo.processIdentifier)-net.yml")
        try Data(Fixtures.minimalYAML.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let network = try NetworkDecoder.load(path: url.path)
        XCTAssertEqual(network.name, url.deletingPathExtension().lastPathComponent)
        XCTAssertEqual(network.hubs.count, 2)
    }
}
