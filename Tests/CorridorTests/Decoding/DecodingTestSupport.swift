import Foundation
import XCTest
@testable import Corridor

/// Helpers shared by the decoding tests: documents are written inline as strings, parsed with
/// `DocumentReader.parse` and validated with `NetworkDecoder.decode`, exactly as the CLI does.
enum DecodingFixture {
    /// `Fixtures.minimalYAML` as JSON.
    static let minimalJSON = """
    {
      "periods": 5,
      "commodities": [{"id": "c"}],
      "hubs": [{"id": "A", "country": "X"}, {"id": "B", "country": "Y"}],
      "links": [{"id": "l", "from": "A", "to": "B", "transit": 1}],
      "movements": [{"id": "m", "commodity": "c", "from": "A", "to": "B", "quantity": 10}]
    }
    """

    /// A YAML network assembled from sections (each a block of already indented list items, or a
    /// full `key: value` block for `extra`). Defaults give the minimal network.
    static func yaml(periods: String = "5",
                     extra: String = "",
                     commodities: String = "  - {id: c}",
                     hubs: String = "  - {id: A, country: X}\n  - {id: B, country: Y}",
                     links: String = "  - {id: l, from: A, to: B, transit: 1}",
                     movements: String = "  - {id: m, commodity: c, from: A, to: B, quantity: 10}") -> String {
        var text = "periods: \(periods)\n"
        if !extra.isEmpty { text += extra.hasSuffix("\n") ? extra : extra + "\n" }
        text += "commodities:\n\(commodities)\n"
        text += "hubs:\n\(hubs)\n"
        text += "links:\n\(links)\n"
        text += "movements:\n\(movements)\n"
        return text
    }
}

extension XCTestCase {
    /// Parses and decodes `text`; the error when it is invalid.
    func decodeResult(_ text: String, file name: String = "net.yaml",
                      format: DocumentReader.Format? = .yaml) -> Result<Network, InputError> {
        do {
            let document = try DocumentReader.parse(Data(text.utf8), file: name, format: format)
            return .success(try NetworkDecoder.decode(document, file: name))
        } catch {
            return .failure(error)
        }
    }

    /// Decodes a document that must be valid; fails the test (and returns nil) otherwise.
    func decode(_ text: String, file name: String = "net.yaml", format: DocumentReader.Format? = .yaml,
                file: StaticString = #filePath, line: UInt = #line) -> Network? {
        switch decodeResult(text, file: name, format: format) {
        case .success(let network):
            return network
        case .failure(let error):
            XCTFail("expected a valid network, got:\n\(error.report(limit: 1000))", file: file, line: line)
            return nil
        }
    }

    func decodeJSON(_ text: String, file name: String = "net.json",
                    file: StaticString = #filePath, line: UInt = #line) -> Network? {
        decode(text, file: name, format: .json, file: file, line: line)
    }

    /// The diagnostics of a document that must be invalid (empty, after a failure, when it is valid).
    func diagnostics(_ text: String, file name: String = "net.yaml", format: DocumentReader.Format? = .yaml,
                     file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        switch decodeResult(text, file: name, format: format) {
        case .success:
            XCTFail("expected the document to be rejected, but it decoded", file: file, line: line)
            return []
        case .failure(let error):
            XCTAssertFalse(error.diagnostics.isEmpty, "an InputError without diagnostics", file: file, line: line)
            for diagnostic in error.diagnostics {
                XCTAssertEqual(diagnostic.file, name, "diagnostic names the wrong file: \(diagnostic)",
                               file: file, line: line)
            }
            return error.diagnostics
        }
    }

    func jsonDiagnostics(_ text: String, file name: String = "net.json",
                         file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        diagnostics(text, file: name, format: .json, file: file, line: line)
    }

    /// Asserts that some diagnostic has exactly `path`, a message containing `message` and, when
    /// given, the line `atLine`.
    @discardableResult
    func assertDiagnostic(_ diagnostics: [Diagnostic], path: String, contains message: String, atLine: Int? = nil,
                          file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let listing = diagnostics.map { "  \($0)" }.joined(separator: "\n")
        guard let found = diagnostics.first(where: { $0.path == path && $0.message.contains(message) }) else {
            XCTFail("no diagnostic at \"\(path)\" containing \"\(message)\"; got:\n\(listing)", file: file, line: line)
            return nil
        }
        if let atLine {
            XCTAssertEqual(found.line, atLine, "wrong line for \(found)", file: file, line: line)
        }
        return found
    }

    /// Asserts that the document is rejected with exactly one diagnostic, the one described.
    func assertOnlyError(_ text: String, path: String, contains message: String, atLine: Int? = nil,
                         format: DocumentReader.Format = .yaml,
                         file: StaticString = #filePath, line: UInt = #line) {
        let name = format == .json ? "net.json" : "net.yaml"
        let found = diagnostics(text, file: name, format: format, file: file, line: line)
        guard !found.isEmpty else { return }
        XCTAssertEqual(found.count, 1, "expected one diagnostic, got:\n"
                       + found.map { "  \($0)" }.joined(separator: "\n"), file: file, line: line)
        assertDiagnostic(found, path: path, contains: message, atLine: atLine, file: file, line: line)
    }

    /// 1-based line of the first line of `text` containing `needle`.
    func lineOf(_ needle: String, in text: String, file: StaticString = #filePath, line: UInt = #line) -> Int? {
        for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where content.contains(needle) {
            return index + 1
        }
        XCTFail("\"\(needle)\" is not in the document", file: file, line: line)
        return nil
    }
}

/// Field-by-field equality of two networks (`Network` itself is not `Equatable`).
func assertNetworksEqual(_ lhs: Network, _ rhs: Network, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(lhs.name, rhs.name, "name", file: file, line: line)
    XCTAssertEqual(lhs.periods, rhs.periods, "periods", file: file, line: line)
    XCTAssertEqual(lhs.periodLabel, rhs.periodLabel, "periodLabel", file: file, line: line)
    XCTAssertEqual(lhs.dimensions, rhs.dimensions, "dimensions", file: file, line: line)
    XCTAssertEqual(lhs.commodities, rhs.commodities, "commodities", file: file, line: line)
    XCTAssertEqual(lhs.hubs, rhs.hubs, "hubs", file: file, line: line)
    XCTAssertEqual(lhs.links, rhs.links, "links", file: file, line: line)
    XCTAssertEqual(lhs.arcs, rhs.arcs, "arcs", file: file, line: line)
    XCTAssertEqual(lhs.borderRules, rhs.borderRules, "borderRules", file: file, line: line)
    XCTAssertEqual(lhs.agreements, rhs.agreements, "agreements", file: file, line: line)
    XCTAssertEqual(lhs.customsDefault, rhs.customsDefault, "customsDefault", file: file, line: line)
    XCTAssertEqual(lhs.movements, rhs.movements, "movements", file: file, line: line)
}

/// Refusals of raw bytes by `DocumentReader` and `NetworkDecoder`, for the reader and alias tests.
extension XCTestCase {
    /// The diagnostics of `data`, which must be refused by the reader or the decoder.
    func refusal(_ data: Data, file: String = "in.yaml", format: DocumentReader.Format? = nil,
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

    func assertRefused(_ data: Data, format: DocumentReader.Format?, message: String,
                               sourceFile: StaticString = #filePath, line: UInt = #line) {
        let found = refusal(data, format: format, sourceFile: sourceFile, line: line)
        XCTAssertEqual(found.count, 1, "\(found)", file: sourceFile, line: line)
        XCTAssertTrue(found.first?.message.contains(message) ?? false,
                      "expected \"\(message)\" in \(found)", file: sourceFile, line: line)
    }

    /// Parses and decodes on a background thread with a deadline, so that a hang fails the test
    /// instead of blocking it; the diagnostics (empty after a failure).
    func refusalWithin(_ seconds: Double, _ text: String, format: DocumentReader.Format,
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
