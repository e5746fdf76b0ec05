import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// YAML aliases and merge keys against their budgets: alias and merge bombs are refused fast with a
/// clear error, modest use is expanded, aliases as keys and over-deep alias chains are refused
/// without crashing. (The semantics of merge keys are in `DecodingMergeKeyTests`.)
final class YAMLAliasBudgetTests: XCTestCase {
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
        let text = aliasBomb(under: "bomb") + Fixtures.minimalYAML
        let found = refusalWithin(20, text, format: .yaml)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("alias bomb") ?? false, "\(found)")
    }

    func testAliasBombPaddedWithComments() {
        // The alias budget must not grow so much with the file's size that padding buys a bomb
        // gigabytes of memory.
        let padding = String(repeating: "#" + String(repeating: "x", count: 99) + "\n", count: 20_000)
        let text = aliasBomb(under: "bomb") + padding + Fixtures.minimalYAML
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
        for network in [text + Fixtures.minimalYAML,
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
        let found = refusalWithin(20, text + Fixtures.minimalYAML, format: .yaml)
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
}
