import CorridorTestSupport
import Foundation
import XCTest

/// Hostile and invalid input through the built `corridor` binary: every case exits 2 with a
/// message on standard error naming the file, prints nothing on standard output, and neither
/// crashes nor hangs (contract §5).
final class BadInputTests: XCTestCase {
    /// Writes `data` to `name` and checks `validate` and `plan` on the file and on standard input.
    private func assertRefusedEverywhere(_ data: Data, name: String = "network.yaml", message: String? = nil,
                                         stdinMessage: String? = nil, maxSeconds: Double? = nil,
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let directory = TemporaryDirectory()
        let path = try directory.write(name, data)
        for command in ["validate", "plan"] {
            assertInvalid(CLI.run([command, path], file: file, line: line), naming: path, message: message,
                          maxSeconds: maxSeconds, "\(command) \(name)", file: file, line: line)
            assertInvalid(CLI.run([command, "-"], stdin: data, file: file, line: line), naming: "-",
                          message: stdinMessage ?? message, maxSeconds: maxSeconds, "\(command) - < \(name)",
                          file: file, line: line)
        }
    }

    // MARK: Sanity

    func testValidNetworkSucceeds() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("ok.yaml", BadInputFixture.validNetwork)
        let validate = CLI.run(["validate", path])
        XCTAssertEqual(validate.status, 0, validate.err)
        XCTAssertTrue(validate.out.contains("valid"), validate.out)
        let plan = CLI.run(["plan", "-"], stdin: Data(BadInputFixture.validNetwork.utf8))
        XCTAssertEqual(plan.status, 0, plan.err)
        XCTAssertFalse(plan.out.isEmpty)
    }

    // MARK: Empty and binary

    func testEmptyFile() throws {
        try assertRefusedEverywhere(Data(), message: "is empty")
    }

    func testWhitespaceOnly() throws {
        try assertRefusedEverywhere(Data("  \n\t \r\n\n   ".utf8), message: "is empty")
        try assertRefusedEverywhere(Data("\n\n".utf8), name: "blank.json", message: "is empty")
    }

    /// Random bytes hold NUL bytes, which stop the read ("contains NUL bytes"); either way the
    /// message says the file looks binary.
    func testRandomBinary() throws {
        var generator = NoiseGenerator(seed: 2024)
        for round in 0..<3 {
            let data = generator.bytes(4096 + round * 1000)
            try assertRefusedEverywhere(data, name: "garbage\(round).yaml", message: "(binary or corrupted file?)")
        }
        try assertRefusedEverywhere(generator.bytes(3000), name: "garbage.json", message: "(binary or corrupted file?)")
    }

    func testNULBytes() throws {
        var data = Data(BadInputFixture.validNetwork.utf8)
        data.insert(0, at: 30)
        try assertRefusedEverywhere(data, message: "contains NUL bytes")
    }

    func testTenMegabytesOfRandomPrintableText() throws {
        var generator = NoiseGenerator(seed: 7)
        let punctuated = Array("abcdefghijklmnopqrstuvwxyz0123456789 :-[]{},\n\"'#&*!|>".utf8)
        try assertRefusedEverywhere(generator.text(10_000_000, alphabet: punctuated), name: "big.yaml",
                                    maxSeconds: RunBound.tenMegabytes)
        try assertRefusedEverywhere(generator.text(10_000_000, alphabet: punctuated), name: "big.json",
                                    maxSeconds: RunBound.tenMegabytes)
        let words = Array("abcdefghijklmnopqrstuvwxyzABCDEF0123456789 \n".utf8)
        try assertRefusedEverywhere(generator.text(10_000_000, alphabet: words), name: "words.yaml",
                                    maxSeconds: RunBound.tenMegabytes)
    }

    func testTenMegabytesOfRandomBytes() throws {
        var generator = NoiseGenerator(seed: 8)
        try assertRefusedEverywhere(generator.bytes(10_000_000), name: "big.yaml", message: "(binary or corrupted file?)",
                                    maxSeconds: RunBound.tenMegabytes)
    }

    // MARK: Malformed documents

    func testTruncatedJSON() throws {
        let text = "{\n  \"periods\": 5,\n  \"commodities\": [{\"id\": \"c\"}],\n  \"hubs\": [{\"id\": \"A\", \"coun"
        try assertRefusedEverywhere(Data(text.utf8), name: "net.json", message: "is not valid JSON")
    }

    func testJSONArrayInsteadOfObject() throws {
        try assertRefusedEverywhere(Data("[{\"periods\": 5}]".utf8), name: "net.json",
                                    message: "expected an object, found a list")
    }

    func testInvalidNetworkReportsEveryProblem() throws {
        let text = BadInputFixture.validNetwork
            .replacingOccurrences(of: "periods: 5", with: "periods: 0")
            .replacingOccurrences(of: "quantity: 10", with: "quantity: -1")
            .replacingOccurrences(of: "transit: 1", with: "transit: 1, speed: 3")
        let directory = TemporaryDirectory()
        let path = try directory.write("bad.yaml", text)
        let result = CLI.run(["validate", path])
        assertInvalid(result, naming: path, "validate bad.yaml")
        let lines = result.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "\(path):1: periods: must be between 1 and 1000000, found 0",
            "\(path):8: links[0].speed: unknown key (allowed: id, from, to, mode, transit, capacity, cost, open, carries, both_ways)",
            "\(path):10: movements[0].quantity: must be greater than 0, found -1",
        ])
    }

    func testHugeValuesDoNotFloodTheTerminal() throws {
        let long = String(repeating: "Q", count: 3_000_000)
        let yaml = BadInputFixture.validNetwork.replacingOccurrences(of: "from: A, to: B, transit", with: "from: A, to: \(long), transit")
        try assertRefusedEverywhere(Data(yaml.utf8), name: "long.yaml", message: "more characters)")
        let key = String(repeating: "k", count: 3_000_000)
        let json = "{\"\(key)\": 1, \"\(key)\": 2}"
        try assertRefusedEverywhere(Data(json.utf8), name: "long.json", message: "more characters)")
    }

    func testFloodOfErrorsIsCapped() throws {
        var text = BadInputFixture.validNetwork + "\n"
        for index in 0..<5000 { text += "  - {id: x\(index), commodity: c, from: A, to: B, quantity: 0}\n" }
        try assertRefusedEverywhere(Data(text.utf8), message: "… and 4950 more problems")
    }

    // MARK: Nesting

    func testDeepJSONNesting() throws {
        try assertRefusedEverywhere(Data(String(repeating: "[", count: 100_000).utf8), name: "deep.json",
                                    message: "nesting is deeper than 100 levels")
        let objects = String(repeating: "{\"a\": ", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        try assertRefusedEverywhere(Data(objects.utf8), name: "deep-objects.json", message: "nesting is deeper than 100 levels")
        // 101 levels is one too many, on the line where it happens; brackets in strings do not count.
        let justOver = "{\"name\": \"[[[[\",\n \"hubs\": " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        let result = CLI.run(["validate", "-"], stdin: Data(justOver.utf8))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.hasPrefix("-:2: nesting is deeper than 100 levels"), result.err)
    }

    /// Deep but allowed nesting with a lot in it: 1,500 chains of 97 nested objects (880 KB). Converting
    /// Foundation's objects used to bridge every level again (half a minute); now it is refused at
    /// once for what it is (the hubs are not hubs).
    func testDeepWideJSONIsRefusedQuickly() throws {
        let chain = String(repeating: "{\"a\":", count: 97) + "1" + String(repeating: "}", count: 97)
        let text = "{\"periods\": 5, \"hubs\": [" + Array(repeating: chain, count: 1500).joined(separator: ",") + "]}"
        try assertRefusedEverywhere(Data(text.utf8), name: "deep-wide.json", message: "hubs[0].a: unknown key",
                                    maxSeconds: RunBound.quick)
    }

    func testDeepYAMLNesting() throws {
        // On standard input a leading `[` is detected as JSON.
        try assertRefusedEverywhere(Data(String(repeating: "[", count: 100_000).utf8), name: "deep.yaml",
                                    message: "nesting is deeper than")
        try assertRefusedEverywhere(Data(("hubs: " + String(repeating: "[", count: 100_000)).utf8), name: "deep-flow.yaml",
                                    message: "nesting is deeper than")
        try assertRefusedEverywhere(Data((String(repeating: "- ", count: 100_000) + "x\n").utf8), name: "dashes.yaml",
                                    message: "nesting")
        try assertRefusedEverywhere(Data((String(repeating: "? ", count: 100_000) + "x\n").utf8), name: "keys.yaml",
                                    message: "nesting")
    }

    // MARK: Aliases

    private func aliasBomb(under key: String) -> String {
        var text = "\(key):\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "  - &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    func testAliasBombUnderAKnownKey() throws {
        let text = aliasBomb(under: "commodities") + "hubs: *a9\nperiods: 3\nlinks: []\nmovements: *a8\n"
        try assertRefusedEverywhere(Data(text.utf8), name: "bomb.yaml", message: "alias bomb", maxSeconds: RunBound.quick)
    }

    func testAliasBombUnderAnUnknownKey() throws {
        let text = BadInputFixture.validNetwork + "\n" + aliasBomb(under: "lulz")
        try assertRefusedEverywhere(Data(text.utf8), name: "bomb.yaml", message: "alias bomb", maxSeconds: RunBound.quick)
    }

    func testAliasBombPaddedToTenMegabytes() throws {
        let padding = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 100_000)
        let text = aliasBomb(under: "lulz") + padding + BadInputFixture.validNetwork
        try assertRefusedEverywhere(Data(text.utf8), name: "padded-bomb.yaml", message: "alias bomb",
                                    maxSeconds: RunBound.quick)
    }

    func testAliasBombUsedAsAKey() throws {
        // Yams would hash the key's whole expansion (10^8 nodes) looking for duplicate keys.
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try assertRefusedEverywhere(Data((text + "*a7 : 1\n").utf8), name: "key-bomb.yaml", maxSeconds: RunBound.quick)
        try assertRefusedEverywhere(Data((BadInputFixture.validNetwork + "\n? [a, b]\n: 1\n").utf8), name: "list-key.yaml",
                                    message: "a key must be a plain name", maxSeconds: RunBound.quick)
    }

    func testDeepAliasChain() throws {
        // Two levels of text, 100,000 through aliases: Yams overflowed the stack freeing its nodes.
        var text = "- &a0 [x]\n"
        for index in 1..<100_000 { text += "- &a\(index) [*a\(index - 1)]\n" }
        try assertRefusedEverywhere(Data(text.utf8), name: "alias-chain.yaml", message: "nesting is deeper than",
                                    maxSeconds: RunBound.quick)
    }

    // MARK: Files and command line

    func testDirectory() throws {
        let directory = TemporaryDirectory()
        for command in ["validate", "plan"] {
            assertInvalid(CLI.run([command, directory.url.path]), naming: directory.url.path,
                          message: "is a directory", command)
        }
    }

    func testMissingFile() {
        let path = "/nonexistent-\(UUID().uuidString)/network.yaml"
        for command in ["validate", "plan"] {
            assertInvalid(CLI.run([command, path]), naming: path, message: "no such file", command)
        }
    }

    func testUnreadableStandardInput() throws {
        let directory = TemporaryDirectory()
        for command in ["validate", "plan"] {
            assertInvalid(CLI.run([command, "-"], input: .file(directory.url.path)), naming: "-",
                          message: "cannot be read", "\(command) - < directory")
            assertInvalid(CLI.run([command, "-"], input: .closed), naming: "-", message: "cannot be read",
                          "\(command) - <&-")
        }
    }

    func testEndlessInputIsCutOff() {
        // Devices and endless pipes have no size: reading stops at the first NUL byte (no input is
        // binary; /dev/zero was read to the limit) or at the 1 GiB limit.
        for command in ["validate", "plan"] {
            assertInvalid(CLI.run([command, "/dev/zero"]), naming: "/dev/zero", message: "contains NUL bytes",
                          maxSeconds: RunBound.quick, "\(command) /dev/zero")
            assertInvalid(CLI.run([command, "-"], input: .file("/dev/zero")), naming: "-", message: "contains NUL bytes",
                          maxSeconds: RunBound.quick, "\(command) - < /dev/zero")
        }
        assertInvalid(CLI.run(["validate", "-"], input: .shellOutput("yes")), naming: "-", message: "is larger than",
                      maxSeconds: RunBound.oneGibibyte, "yes | validate -")
    }

    /// Command-line errors: exit 2 (not ArgumentParser's 64), a message, nothing on standard output.
    private func assertUsageError(_ arguments: [String], contains message: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let result = CLI.run(arguments, file: file, line: line)
        let context = "corridor " + arguments.joined(separator: " ")
        XCTAssertFalse(result.signaled, context, file: file, line: line)
        XCTAssertEqual(result.status, 2, "\(context)\n\(result.err)", file: file, line: line)
        XCTAssertEqual(result.stdout.count, 0, "\(context)\n\(result.out)", file: file, line: line)
        XCTAssertTrue(result.err.contains(message), "\(context): no \"\(message)\" in\n\(result.err)", file: file, line: line)
    }

    func testUnknownSubcommandAndOptions() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("ok.yaml", BadInputFixture.validNetwork)
        assertUsageError(["frobnicate", path], contains: "frobnicate")
        assertUsageError(["validate", "--frob", path], contains: "--frob")
        assertUsageError(["plan", path, "--format", "xml"], contains: "xml")
        assertUsageError(["plan"], contains: "Missing")
        assertUsageError(["validate", path, "extra"], contains: "extra")
    }

    func testTimeLimitMustBePositive() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("ok.yaml", BadInputFixture.validNetwork)
        for value in ["0", "-1", "-0.5", "nan", "inf", "abc"] {
            assertUsageError(["plan", path, "--time-limit=\(value)"], contains: "time-limit")
        }
        assertUsageError(["plan", path, "--time-limit", "0"], contains: "--time-limit must be a positive number")
    }

    // MARK: Size

    func testHugeModelIsRefusedQuickly() throws {
        let hubs = 50
        var text = "periods: 1000000\ncommodities: [{id: c}, {id: d, uses: 2}]\nhubs:\n"
        for index in 0..<hubs { text += "  - {id: h\(index), country: C\(index % 5)}\n" }
        text += "links:\n"
        for index in 0..<hubs {
            text += "  - {id: l\(index), from: h\(index), to: h\((index + 1) % hubs), transit: 1, both_ways: true}\n"
            text += "  - {id: s\(index), from: h\(index), to: h\((index + 7) % hubs), transit: 3}\n"
        }
        text += "movements:\n"
        for index in 0..<500 {
            text += "  - {id: m\(index), commodity: \(index % 2 == 0 ? "c" : "d"), from: h\(index % hubs), "
                + "to: h\((index + 11) % hubs), quantity: 10, release: \(index)}\n"
        }
        let directory = TemporaryDirectory()
        let path = try directory.write("huge.yaml", text)
        for command in ["validate", "plan"] {
            assertInvalid(CLI.run([command, path]), naming: path, message: "too large", maxSeconds: RunBound.quick, command)
        }
        assertInvalid(CLI.run(["plan", "-"], stdin: Data(text.utf8)), naming: "-", message: "too large",
                      maxSeconds: RunBound.quick, "plan -")
    }
}
