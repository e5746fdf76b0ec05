import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// `DocumentReader` on hostile and malformed input: every case is an `InputError` naming the file,
/// never a crash or a hang.
final class DecodingDocumentReaderTests: XCTestCase {
    /// The diagnostics of `data`, which must be refused by the reader or the decoder.
    private func refusal(_ data: Data, file: String = "in.yaml", format: DocumentReader.Format? = nil,
                         sourceFile: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let document = try DocumentReader.parse(data, file: file, format: format)
            _ = try NetworkDecoder.decode(document, file: file)
            XCTFail("expected the input to be refused", file: sourceFile, line: line)
            return []
        } catch {
            XCTAssertFalse(error.diagnostics.isEmpty, file: sourceFile, line: line)
            for diagnostic in error.diagnostics {
                XCTAssertEqual(diagnostic.file, file, file: sourceFile, line: line)
            }
            return error.diagnostics
        }
    }

    private func assertRefused(_ data: Data, format: DocumentReader.Format?, message: String,
                               sourceFile: StaticString = #filePath, line: UInt = #line) {
        let found = refusal(data, format: format, sourceFile: sourceFile, line: line)
        XCTAssertEqual(found.count, 1, "\(found)", file: sourceFile, line: line)
        XCTAssertTrue(found.first?.message.contains(message) ?? false,
                      "expected \"\(message)\" in \(found)", file: sourceFile, line: line)
    }

    /// Parses and decodes on a background thread with a deadline, so that a hang fails the test
    /// instead of blocking it; the diagnostics (empty after a failure).
    private func refusalWithin(_ seconds: Double, _ text: String, format: DocumentReader.Format,
                               sourceFile: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        let box = ResultBox()
        let data = Data(text.utf8)
        let thread = Thread {
            do throws(InputError) {
                let document = try DocumentReader.parse(data, file: "in.yaml", format: format)
                _ = try NetworkDecoder.decode(document, file: "in.yaml")
                box.set(.success(()))
            } catch {
                box.set(.failure(error))
            }
        }
        thread.stackSize = 8 << 20  // the main thread's usual stack; secondary threads default smaller
        thread.start()
        guard let result = box.wait(seconds: seconds) else {
            XCTFail("no answer within \(seconds) s", file: sourceFile, line: line)
            return []
        }
        switch result {
        case .success:
            XCTFail("expected the input to be refused", file: sourceFile, line: line)
            return []
        case .failure(let error):
            XCTAssertTrue(error.diagnostics.allSatisfy { $0.file == "in.yaml" }, file: sourceFile, line: line)
            return error.diagnostics
        }
    }

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
        var data = Data(DecodingFixture.minimalYAML.utf8)
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
        let text = DecodingFixture.minimalYAML + "\n---\n" + DecodingFixture.minimalYAML
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
        let crlf = DecodingFixture.minimalYAML.replacingOccurrences(of: "\n", with: "\r\n")
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
        XCTAssertNotNil(decode(mark + DecodingFixture.minimalYAML))
        XCTAssertNotNil(decodeJSON(mark + DecodingFixture.minimalJSON))
        XCTAssertNoThrow(try DocumentReader.parse(Data((mark + DecodingFixture.minimalJSON).utf8), file: "-"))
        let invalid = (mark + DecodingFixture.minimalYAML).replacingOccurrences(of: "quantity: 10", with: "quantity: 0")
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

    // MARK: Aliases

    /// Billion laughs: nine levels of nine aliases, 9^9 ≈ 387 million leaves.
    private func aliasBomb(under key: String) -> String {
        var text = "\(key):\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    func testAliasBombUnderAKnownKey() {
        let text = aliasBomb(under: "commodities") + "hubs: *a9\nperiods: 3\n"
        let found = refusalWithin(20, text, format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("alias bomb") ?? false, "\(found)")
    }

    func testAliasBombUnderAnUnknownKey() {
        let text = aliasBomb(under: "bomb") + DecodingFixture.minimalYAML
        let found = refusalWithin(20, text, format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("alias bomb") ?? false, "\(found)")
    }

    func testAliasBombPaddedWithComments() {
        // The alias budget must not grow so much with the file's size that padding buys a bomb
        // gigabytes of memory.
        let padding = String(repeating: "#" + String(repeating: "x", count: 99) + "\n", count: 20_000)
        let text = aliasBomb(under: "bomb") + padding + DecodingFixture.minimalYAML
        let found = refusalWithin(20, text, format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("alias bomb") ?? false, "\(found)")
    }

    func testModestAliasesAreExpanded() throws {
        let text = """
        periods: 5
        commodities: [{id: c}]
        hubs:
          - &hub {id: A, country: X}
          - {id: B, country: Y}
        links:
          - &road {id: l, from: A, to: B, transit: 1}
        movements:
          - {id: m, commodity: c, from: A, to: B, quantity: 10}
        name: &n Aliased
        period_label: *n
        """
        let network = try XCTUnwrap(decode(text))
        XCTAssertEqual(network.periodLabel, "Aliased")
    }

    /// Billion laughs as plain mapping entries: `a0` holds ten strings, each further level ten
    /// aliases of the one below (`levels` levels, 10^(levels + 1) leaves).
    private func laughs(levels: Int) -> String {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...levels {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    func testAliasUsedAsAKeyIsRefusedFast() {
        // Yams hashes a mapping's keys to find duplicates, walking an aliased key's whole expansion:
        // 10^8 nodes for 7 levels, a file of 600 bytes. It must not get that far: over the value
        // budget the bomb itself is refused; within it, the key is, at its line.
        let cases: [(levels: Int, line: Int, messages: [String])] = [
            (7, 6, ["expands to too many values (a YAML alias bomb?)"]),
            (3, 5, ["a key must be a plain name, not an alias", "mapping keys must be plain text"]),
        ]
        for (levels, line, messages) in cases {
            let found = refusalWithin(1, laughs(levels: levels) + "*a\(levels) : 1\n", format: .yaml)
            XCTAssertEqual(found.count, 1, "\(found)")
            XCTAssertEqual(found.first?.line, line, "\(levels) levels: \(found)")
            for message in messages {
                XCTAssertTrue(found.first?.message.contains(message) ?? false, "\(levels) levels: \(found)")
            }
        }
    }

    func testListOrObjectUsedAsAKeyIsRefused() {
        for (key, kind) in [("[a, b]: 1", "a list"), ("{a: 1}: 2", "an object"),
                            ("? - a\n  - b\n: 1", "a list"), ("? {a: *n}\n: 1", "an object")] {
            let text = "name: &n x\nperiods: 5\n" + key + "\n"
            let found = refusal(Data(text.utf8), format: .yaml)
            XCTAssertEqual(found.count, 1, "\(key): \(found)")
            XCTAssertEqual(found.first?.line, 3, "\(key): \(found)")
            XCTAssertTrue(found.first?.message.contains("a key must be a plain name, not \(kind)") ?? false,
                          "\(key): \(found)")
        }
    }

    /// A list of `count` anchored lists, each holding an alias of the one before: the last is
    /// `count` levels deep once the aliases are expanded, while the text is two levels deep.
    private func aliasChain(_ count: Int) -> String {
        var text = "- &a0 [x]\n"
        for index in 1..<count { text += "- &a\(index) [*a\(index - 1)]\n" }
        return text
    }

    func testDeepAliasChainIsRefusedWithoutCrashing() {
        // 100,000 levels through aliases: Yams would build them and overflow the stack freeing them.
        let found = refusalWithin(20, aliasChain(100_000), format: .yaml)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("nesting is deeper than 100 levels") ?? false, "\(found)")
        XCTAssertEqual(found.first?.line, 100, "\(found)")
    }

    func testAliasChainUpToTheNestingLimitIsRead() throws {
        // The root list, then 99 lists deep with the scalar at depth 100: exactly the limit.
        let document = try DocumentReader.parse(Data(aliasChain(99).utf8), file: "in.yaml", format: .yaml)
        guard case .list(let items) = document.value, var node = items.last else { return XCTFail("expected a list") }
        var depth = 1
        while case .list(let inner) = node.value, let first = inner.first {
            node = first
            depth += 1
        }
        XCTAssertEqual(depth, 100)
        guard case .string("x") = node.value else { return XCTFail("expected the string x at the bottom") }
        // One more level is refused, through the aliases, at the line that builds it.
        let found = refusal(Data(aliasChain(100).utf8), format: .yaml)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.line, 100, "\(found)")
        XCTAssertTrue(found.first?.message.contains("nesting is deeper than 100 levels") ?? false, "\(found)")
    }

    func testMergeKeyWithAnAliasValueStillWorks() throws {
        let text = "base: &b {mode: road}\nlink: {<<: *b, id: l}\nmore: {<<: [*b], id: m}\n"
        let document = try DocumentReader.parse(Data(text.utf8), file: "in.yaml", format: .yaml)
        guard case .map(let entries) = document.value,
              case .map(let link)? = entries.first(where: { $0.key == "link" })?.node.value,
              case .map(let more)? = entries.first(where: { $0.key == "more" })?.node.value else {
            return XCTFail("expected the objects")
        }
        XCTAssertEqual(link.map(\.key), ["mode", "id"])
        XCTAssertEqual(more.map(\.key), ["mode", "id"])
    }

    // MARK: Merge keys

    func testMergeBombIsRefused() {
        // Billion laughs with merge keys: each level merges the one below nine times. The result
        // is tiny (the keys are the same), but resolving it visits 9^9 mappings.
        var text = "bomb:\n  - &m0 {a: lol, b: lol}\n"
        for level in 1...9 {
            text += "  - &m\(level) {<<: [" + Array(repeating: "*m\(level - 1)", count: 9).joined(separator: ", ") + "]}\n"
        }
        for network in [text + DecodingFixture.minimalYAML,
                        text + DecodingFixture.yaml(links: "  - {<<: *m9, id: l, from: A, to: B, transit: 1}")] {
            let found = refusalWithin(20, network, format: .yaml)
            XCTAssertEqual(found.count, 1, "\(found)")
            XCTAssertTrue(found.first?.message.contains("alias bomb") ?? false, "\(found)")
        }
    }

    func testChainOfMergesIsChargedForTheKeysItCopies() {
        // Each mapping merges the one before and adds a key: ninety levels over 2,000 keys are
        // only about 200,000 values to walk, but resolving them copies 2,000 keys at every level
        // of every mapping (8 million copies, and in a large file a hundred times its size), so
        // each merge is charged the keys it copies.
        let keys = (0..<2_000).map { "k\($0): 0" }.joined(separator: ", ")
        var text = "bomb:\n  - &c0 {\(keys)}\n"
        for level in 1...90 { text += "  - &c\(level) {<<: *c\(level - 1), x\(level): 0}\n" }
        let found = refusalWithin(20, text + DecodingFixture.minimalYAML, format: .yaml)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("alias bomb") ?? false, "\(found)")
    }

    func testModestMergesFitTheBudget() throws {
        // 20,000 links that each merge a six-key anchor (with two vectors) fit the budget.
        var links = "  - {id: l0, from: A, to: B, transit: 1, <<: &road {mode: road, capacity: {t: 100}, cost: {t: 2}, open: [0, 4], carries: [c], both_ways: false}}\n"
        for index in 1..<20_000 { links += "  - {<<: *road, id: l\(index), from: A, to: B, transit: 1}\n" }
        let document = try DocumentReader.parse(Data(DecodingFixture.yaml(links: links).utf8), file: "in.yaml", format: .yaml)
        guard case .map(let entries) = document.value,
              case .list(let items)? = entries.first(where: { $0.key == "links" })?.node.value,
              case .map(let last)? = items.last?.value else { return XCTFail("expected the links") }
        XCTAssertEqual(items.count, 20_000)
        XCTAssertEqual(last.map(\.key), ["mode", "capacity", "cost", "open", "carries", "both_ways", "id", "from", "to", "transit"])
    }

    func testUnknownAliasIsAYAMLError() {
        let found = refusal(Data("periods: *nope\n".utf8), format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("YAML") ?? false, "\(found)")
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
        try Data(DecodingFixture.minimalYAML.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let network = try NetworkDecoder.load(path: url.path)
        XCTAssertEqual(network.name, url.deletingPathExtension().lastPathComponent)
        XCTAssertEqual(network.hubs.count, 2)
    }
}

/// A result handed from a worker thread to the test, with a deadline.
final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Void, InputError>?

    func set(_ value: Result<Void, InputError>) {
        condition.lock()
        result = value
        condition.broadcast()
        condition.unlock()
    }

    func wait(seconds: Double) -> Result<Void, InputError>? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while result == nil {
            if !condition.wait(until: deadline) { break }
        }
        return result
    }
}
