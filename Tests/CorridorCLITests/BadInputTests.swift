import CorridorTestSupport
import Foundation
import XCTest

/// Hostile and invalid input through the built `corridor` binary: every case exits 2 with a
/// message on standard error naming the file, prints nothing on standard output, and neither
/// crashes nor hangs (contract §5).
final class BadInputTests: XCTestCase {
    private static let validNetwork = """
    periods: 5
    commodities:
      - id: c
    hubs:
      - {id: A, country: X}
      - {id: B, country: Y}
    links:
      - {id: l, from: A, to: B, transit: 1}
    movements:
      - {id: m, commodity: c, from: A, to: B, quantity: 10}
    """

    /// Bounds on one run, for a debug build on a shared 2-core machine: several times what the
    /// cases take there, and well below `CLI.defaultTimeout`, so a slow case fails with its time
    /// instead of being killed as hung. Measured (debug build, 2 cores): huge models refused in
    /// 0.1 s, alias bombs 0.02–1 s, /dev/zero cut off at 1 GiB in 0.7–1.8 s, 10 MB of text 0.2–2.9 s.
    private enum Bound {
        static let quick: Double = 5
        static let tenMegabytes: Double = 10
        /// Reading a whole GiB before refusing it: about 3 s on an idle 2-core machine, 6 s under load.
        /// Not a speed test, a guard against reading forever (below `CLI.defaultTimeout`, 20 s).
        static let oneGibibyte: Double = 15
    }

    // MARK: Assertions

    /// Asserts the contract for invalid input: exit 2, no crash, no hang, nothing on standard output,
    /// and a diagnostic naming `name` (`FILE: …` or `FILE:LINE: …`) containing `message`.
    private func assertInvalid(_ result: CLI.Result, naming name: String, message: String? = nil,
                               maxSeconds: Double? = nil, _ context: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.signaled, "\(context): killed by signal \(result.status)\n\(result.err)", file: file, line: line)
        XCTAssertFalse(result.timedOut, "\(context): hung", file: file, line: line)
        XCTAssertEqual(result.status, 2, "\(context): exit status; stderr:\n\(result.err.prefix(2000))", file: file, line: line)
        XCTAssertEqual(result.stdout.count, 0, "\(context): unexpected stdout:\n\(result.out.prefix(2000))", file: file, line: line)
        let first = result.err.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix(name + ":"), "\(context): stderr does not name \(name):\n\(result.err.prefix(2000))",
                      file: file, line: line)
        if let message {
            XCTAssertTrue(result.err.contains(message), "\(context): no \"\(message)\" in:\n\(result.err.prefix(2000))",
                          file: file, line: line)
        }
        XCTAssertLessThan(result.err.utf8.count, 20_000, "\(context): stderr is flooded", file: file, line: line)
        if let maxSeconds {
            precondition(maxSeconds < CLI.defaultTimeout, "\(context): a bound at the timeout is only checked by the kill")
            XCTAssertLessThan(result.seconds, maxSeconds, "\(context): took \(result.seconds) s", file: file, line: line)
        }
    }

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
        let path = try directory.write("ok.yaml", Self.validNetwork)
        let validate = CLI.run(["validate", path])
        XCTAssertEqual(validate.status, 0, validate.err)
        XCTAssertTrue(validate.out.contains("valid"), validate.out)
        let plan = CLI.run(["plan", "-"], stdin: Data(Self.validNetwork.utf8))
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

    func testRandomBinary() throws {
        var generator = NoiseGenerator(seed: 2024)
        for round in 0..<3 {
            let data = generator.bytes(4096 + round * 1000)
            try assertRefusedEverywhere(data, name: "garbage\(round).yaml", message: "is not UTF-8 text")
        }
        try assertRefusedEverywhere(generator.bytes(3000), name: "garbage.json", message: "is not UTF-8 text")
    }

    func testNULBytes() throws {
        var data = Data(Self.validNetwork.utf8)
        data.insert(0, at: 30)
        try assertRefusedEverywhere(data, message: "contains NUL bytes")
    }

    func testTenMegabytesOfRandomPrintableText() throws {
        var generator = NoiseGenerator(seed: 7)
        let punctuated = Array("abcdefghijklmnopqrstuvwxyz0123456789 :-[]{},\n\"'#&*!|>".utf8)
        try assertRefusedEverywhere(generator.text(10_000_000, alphabet: punctuated), name: "big.yaml",
                                    maxSeconds: Bound.tenMegabytes)
        try assertRefusedEverywhere(generator.text(10_000_000, alphabet: punctuated), name: "big.json",
                                    maxSeconds: Bound.tenMegabytes)
        let words = Array("abcdefghijklmnopqrstuvwxyzABCDEF0123456789 \n".utf8)
        try assertRefusedEverywhere(generator.text(10_000_000, alphabet: words), name: "words.yaml",
                                    maxSeconds: Bound.tenMegabytes)
    }

    func testTenMegabytesOfRandomBytes() throws {
        var generator = NoiseGenerator(seed: 8)
        try assertRefusedEverywhere(generator.bytes(10_000_000), name: "big.yaml", message: "is not UTF-8 text",
                                    maxSeconds: Bound.tenMegabytes)
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
        let text = Self.validNetwork
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
        let yaml = Self.validNetwork.replacingOccurrences(of: "from: A, to: B, transit", with: "from: A, to: \(long), transit")
        try assertRefusedEverywhere(Data(yaml.utf8), name: "long.yaml", message: "more characters)")
        let key = String(repeating: "k", count: 3_000_000)
        let json = "{\"\(key)\": 1, \"\(key)\": 2}"
        try assertRefusedEverywhere(Data(json.utf8), name: "long.json", message: "more characters)")
    }

    func testFloodOfErrorsIsCapped() throws {
        var text = Self.validNetwork + "\n"
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
                                    maxSeconds: Bound.quick)
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
        try assertRefusedEverywhere(Data(text.utf8), name: "bomb.yaml", message: "alias bomb", maxSeconds: Bound.quick)
    }

    func testAliasBombUnderAnUnknownKey() throws {
        let text = Self.validNetwork + "\n" + aliasBomb(under: "lulz")
        try assertRefusedEverywhere(Data(text.utf8), name: "bomb.yaml", message: "alias bomb", maxSeconds: Bound.quick)
    }

    func testAliasBombPaddedToTenMegabytes() throws {
        let padding = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 100_000)
        let text = aliasBomb(under: "lulz") + padding + Self.validNetwork
        try assertRefusedEverywhere(Data(text.utf8), name: "padded-bomb.yaml", message: "alias bomb",
                                    maxSeconds: Bound.quick)
    }

    func testAliasBombUsedAsAKey() throws {
        // Yams would hash the key's whole expansion (10^8 nodes) looking for duplicate keys.
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try assertRefusedEverywhere(Data((text + "*a7 : 1\n").utf8), name: "key-bomb.yaml", maxSeconds: Bound.quick)
        try assertRefusedEverywhere(Data((Self.validNetwork + "\n? [a, b]\n: 1\n").utf8), name: "list-key.yaml",
                                    message: "a key must be a plain name", maxSeconds: Bound.quick)
    }

    func testDeepAliasChain() throws {
        // Two levels of text, 100,000 through aliases: Yams overflowed the stack freeing its nodes.
        var text = "- &a0 [x]\n"
        for index in 1..<100_000 { text += "- &a\(index) [*a\(index - 1)]\n" }
        try assertRefusedEverywhere(Data(text.utf8), name: "alias-chain.yaml", message: "nesting is deeper than",
                                    maxSeconds: Bound.quick)
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
        // Devices and endless pipes have no size: reading stops at the 1 GiB limit.
        assertInvalid(CLI.run(["validate", "/dev/zero"]), naming: "/dev/zero", message: "is larger than",
                      maxSeconds: Bound.oneGibibyte, "validate /dev/zero")
        assertInvalid(CLI.run(["validate", "-"], input: .file("/dev/zero")), naming: "-", message: "is larger than",
                      maxSeconds: Bound.oneGibibyte, "validate - < /dev/zero")
    }

    func testVerifyWithBadNetwork() throws {
        let directory = TemporaryDirectory()
        let network = try directory.write("net.yaml", Data([0xFF, 0x00, 0xFE]))
        let plan = try directory.write("plan.json", "{}")
        assertInvalid(CLI.run(["verify", network, plan]), naming: network, message: "is not UTF-8", "verify")
    }

    func testVerifyWithBadPlan() throws {
        let directory = TemporaryDirectory()
        let network = try directory.write("net.yaml", Self.validNetwork)
        for (name, contents) in [("empty.json", ""), ("array.json", "[1, 2]"), ("trunc.json", "{\"status\": \"opt")] {
            let plan = try directory.write(name, contents)
            assertInvalid(CLI.run(["verify", network, plan]), naming: plan, "verify with \(name)")
        }
        // The network given twice: not JSON, and the message says what a plan is.
        assertInvalid(CLI.run(["verify", network, network]), naming: network,
                      message: "is not valid JSON (Invalid value around character 0.); a plan is the JSON that corridor plan --format json writes",
                      "verify NET NET")
        // Both from standard input: the network would take it all and the plan find it empty.
        let bothStdin = CLI.run(["verify", "-", "-"], stdin: Data(Self.validNetwork.utf8))
        XCTAssertEqual(bothStdin.status, 2)
        XCTAssertTrue(bothStdin.err.contains("the network and the plan cannot both be read from standard input (-)"), bothStdin.err)
        // Valid JSON whose period is not a whole number: the field, not "not valid JSON" (a fuzz run's find).
        let planned = CLI.run(["plan", network, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.err)
        for bad in ["1.5", "1e300"] {
            let edited = planned.out.replacingOccurrences(of: "\"depart\" : 0", with: "\"depart\" : \(bad)")
            XCTAssertNotEqual(edited, planned.out)
            let plan = try directory.write("depart.json", edited)
            assertInvalid(CLI.run(["verify", network, plan]), naming: plan, message: "legs[0].depart: expected a whole number, found ",
                          "verify with depart \(bad)")
        }
        // An itinerary's legs are indices (whole numbers); a movement's legs are objects.
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(planned.out.utf8)) as? [String: Any])
        var movements = try XCTUnwrap(object["movements"] as? [[String: Any]])
        var itineraries = try XCTUnwrap(movements[0]["itineraries"] as? [[String: Any]])
        XCTAssertEqual(itineraries[0]["legs"] as? [Int], [0])
        itineraries[0]["legs"] = [0.5]
        movements[0]["itineraries"] = itineraries
        object["movements"] = movements
        let fractional = try directory.write("index.json", String(decoding: JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        assertInvalid(CLI.run(["verify", network, fractional]), naming: fractional,
                      message: "movements[0].itineraries[0].legs[0]: expected a whole number, found 0.5", "verify with leg index 0.5")
        // Not JSON (NaN), with the line Foundation found it on.
        let nan = try directory.write("nan.json", planned.out.replacingOccurrences(of: "\"depart\" : 0", with: "\"depart\" : NaN"))
        let result = CLI.run(["verify", network, nan])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.hasPrefix(nan + ":"), result.err)
        XCTAssertTrue(result.err.contains(": is not valid JSON (Invalid value around character"), result.err)
    }

    /// A plan file gets the checks a network file gets: a directory, a file over the size limit (a
    /// sparse one, refused from its size without being read) or an unreadable standard input is
    /// refused the way `plan` refuses it.
    func testVerifyRefusesDirectoriesAndOversizedPlansLikePlan() throws {
        let directory = TemporaryDirectory()
        let network = try directory.write("net.yaml", Self.validNetwork)
        assertInvalid(CLI.run(["verify", network, directory.url.path]), naming: directory.url.path,
                      message: "is a directory, not a plan file", "verify NETWORK DIRECTORY")
        let huge = try directory.write("huge.json", "{")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: (1 << 30) + 1)
        try handle.close()
        for arguments in [["plan", huge], ["verify", network, huge]] {
            assertInvalid(CLI.run(arguments), naming: huge, message: "is larger than 1024 MiB", maxSeconds: Bound.quick,
                          arguments[0] + " huge.json")
        }
        assertInvalid(CLI.run(["verify", network, "-"], input: .file(directory.url.path)), naming: "-",
                      message: "cannot be read", "verify NETWORK - < directory")
        let missing = directory.url.appendingPathComponent("none.json").path
        assertInvalid(CLI.run(["verify", network, missing]), naming: missing, message: "no such file", "verify missing")
    }

    /// A hand-edited plan whose bottleneck names an unknown kind of capacity: exit 2, the four words listed.
    func testVerifyWithAnUnknownBottleneckKind() throws {
        let directory = TemporaryDirectory()
        let network = Fixtures.dataset("tiny.yaml")
        let planned = CLI.run(["plan", network, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.err)
        let edited = planned.out.replacingOccurrences(of: "\"kind\" : \"border\"", with: "\"kind\" : \"Border\"")
            .replacingOccurrences(of: "\"kind\":\"border\"", with: "\"kind\":\"Border\"")
        XCTAssertNotEqual(edited, planned.out, "tiny's plan has a border bottleneck to edit")
        let plan = try directory.write("plan.json", edited)
        assertInvalid(CLI.run(["verify", network, plan]), naming: plan,
                      message: "\"Border\" is not a kind of capacity (link, border, storage or handling)", "verify")
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
        let path = try directory.write("ok.yaml", Self.validNetwork)
        assertUsageError(["frobnicate", path], contains: "frobnicate")
        assertUsageError(["validate", "--frob", path], contains: "--frob")
        assertUsageError(["plan", path, "--format", "xml"], contains: "xml")
        assertUsageError(["plan"], contains: "Missing")
        assertUsageError(["validate", path, "extra"], contains: "extra")
    }

    func testTimeLimitMustBePositive() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("ok.yaml", Self.validNetwork)
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
            assertInvalid(CLI.run([command, path]), naming: path, message: "too large", maxSeconds: Bound.quick, command)
        }
        assertInvalid(CLI.run(["plan", "-"], stdin: Data(text.utf8)), naming: "-", message: "too large",
                      maxSeconds: Bound.quick, "plan -")
    }
}
