import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// `corridor` end to end on every dataset: exit codes, the JSON shape of contract §3, byte-identical
/// repeated runs, LP/MPS export, CSV, verify, --fail-on-unmet, resilience.
final class EndToEndTests: XCTestCase {
    private func plan(_ file: String, _ extra: [String] = []) -> CLI.Result {
        CLI.run(["plan", file] + extra, timeout: 120)
    }

    func testEveryDatasetPlansOptimallyWithTheContractJSONShape() throws {
        for file in Fixtures.datasetFiles {
            let result = plan(file, ["--format", "json"])
            XCTAssertEqual(result.status, 0, "\(file): \(result.err)")
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], file)
            XCTAssertEqual(json["status"] as? String, "optimal")
            XCTAssertNotNil(json["objective"] as? Double ?? (json["objective"] as? Int).map(Double.init))
            XCTAssertTrue(json["network"] is String)
            let costs = try XCTUnwrap(json["costs"] as? [String: Any])
            XCTAssertEqual(Set(costs.keys), ["transport", "customs", "holding", "lateness", "unmet"])
            let movements = try XCTUnwrap(json["movements"] as? [[String: Any]])
            XCTAssertFalse(movements.isEmpty)
            for movement in movements {
                for key in ["id", "quantity", "delivered", "unmet", "late_unit_periods", "legs", "itineraries"] {
                    XCTAssertNotNil(movement[key], "\(file): movement lacks \(key)")
                }
                XCTAssertTrue(movement["quantity"] is NSNumber, "quantities are numbers, never strings")
                let legs = try XCTUnwrap(movement["legs"] as? [[String: Any]], "\(file): legs")
                let itineraries = try XCTUnwrap(movement["itineraries"] as? [[String: Any]], "\(file): itineraries")
                XCTAssertEqual(legs.isEmpty, itineraries.isEmpty, "\(file): legs and itineraries go together")
                for leg in legs {
                    XCTAssertEqual(Set(leg.keys), ["link", "from", "to", "mode", "depart", "arrive", "quantity"])
                    XCTAssertGreaterThan((leg["quantity"] as? Double) ?? 0, 0)
                }
                for itinerary in itineraries {
                    XCTAssertNotNil(itinerary["quantity"])
                    XCTAssertNotNil(itinerary["legs"] as? [Int])
                    XCTAssertNotNil(itinerary["arrive"] as? Int)
                }
            }
            XCTAssertTrue(result.err.isEmpty, "nothing on stderr without --verbose: \(result.err)")
        }
    }

    func testTwoRunsAreByteIdentical() {
        for file in Fixtures.datasetFiles {
            for format in ["text", "json", "csv"] {
                let first = plan(file, ["--format", format])
                let second = plan(file, ["--format", format])
                XCTAssertEqual(first.status, 0)
                XCTAssertEqual(first.stdout, second.stdout, "\(file) --format \(format)")
            }
        }
    }

    func testPlanVerifiesAndHandEditsAreCaught() throws {
        let directory = TemporaryDirectory()
        let tiny = Fixtures.dataset("tiny.yaml")
        let result = plan(tiny, ["--format", "json"])
        XCTAssertEqual(result.status, 0)
        let planFile = try directory.write("plan.json", result.stdout)
        let verified = CLI.run(["verify", tiny, planFile])
        XCTAssertEqual(verified.status, 0, verified.out + verified.err)
        XCTAssertTrue(verified.out.contains("the plan holds"))

        var edited = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        var movements = try XCTUnwrap(edited["movements"] as? [[String: Any]])
        var legs = try XCTUnwrap(movements[0]["legs"] as? [[String: Any]])
        legs[0]["quantity"] = 500
        movements[0]["legs"] = legs
        edited["movements"] = movements
        let editedFile = try directory.write("edited.json", JSONSerialization.data(withJSONObject: edited))
        let rejected = CLI.run(["verify", tiny, editedFile])
        XCTAssertEqual(rejected.status, 1)
        XCTAssertTrue(rejected.out.contains("violation"), rejected.out)

        let broken = try directory.write("broken.json", "{\"network\": 3}")
        let invalid = CLI.run(["verify", tiny, broken])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.err.contains("broken.json"), invalid.err)
    }

    func testExportedLPAndMPSSolveToTheSameObjectiveInGlpsol() throws {
        let directory = TemporaryDirectory()
        let lp = directory.url.appendingPathComponent("model.lp").path
        let mps = directory.url.appendingPathComponent("model.mps").path
        let result = plan(Fixtures.dataset("tiny.yaml"), ["--format", "json", "--export-lp", lp, "--export-mps", mps])
        XCTAssertEqual(result.status, 0, result.err)
        let lpText = try String(contentsOfFile: lp, encoding: .utf8)
        XCTAssertTrue(lpText.contains("Minimize"))
        XCTAssertTrue(lpText.contains("x_g0_a0_t0"), lpText.prefix(300).description)
        XCTAssertTrue(FileManager.default.fileExists(atPath: mps))
        guard let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("glpsol is not installed")
        }
        for (flag, file) in [("--lp", lp), ("--freemps", mps)] {
            let output = directory.url.appendingPathComponent("out.txt").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: glpsol)
            process.arguments = [flag, file, "-o", output]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let report = try String(contentsOfFile: output, encoding: .utf8)
            XCTAssertTrue(report.contains("= 1790 (MINimum)"), report.prefix(400).description)
        }
    }

    func testCSVHasOneRowPerLeg() {
        let result = plan(Fixtures.dataset("tiny.yaml"), ["--format", "csv"])
        XCTAssertEqual(result.status, 0)
        let lines = result.out.split(separator: "\n")
        XCTAssertEqual(lines.first, "movement,commodity,link,from,to,mode,depart,arrive,quantity")
        XCTAssertEqual(lines.count, 1 + 7)
        XCTAssertTrue(lines.contains("medics-kiruna,medics,e10,NVK,KRN,road,0,2,40"))
    }

    func testFailOnUnmetExitsThree() {
        let relief = Fixtures.dataset("earthquake-relief/network.yaml")
        XCTAssertEqual(plan(relief).status, 0, "unmet demand alone is still a plan")
        XCTAssertEqual(plan(relief, ["--fail-on-unmet"]).status, 3)
        XCTAssertEqual(plan(Fixtures.dataset("tiny.yaml"), ["--fail-on-unmet"]).status, 0)
    }

    func testStdinAndVerboseGoToTheRightStreams() throws {
        let yaml = try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("tiny.yaml")))
        let result = CLI.run(["plan", "-", "--verbose"], stdin: yaml)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("Objective: 1,790"))
        XCTAssertTrue(result.err.contains("solved"), "progress on stderr")
        XCTAssertFalse(result.out.contains("GLPK"), "solver chatter never on stdout")
    }

    /// An exact check that cannot confirm the optimum (ExactCheckTests) still prints the plan, exit 0,
    /// with a note on stderr and nothing extra on stdout.
    func testUnconfirmedExactCheckIsANoteNotAFailure() throws {
        let yaml = """
        periods: 1
        commodities: [{id: k}]
        hubs: [{id: A, country: SE}, {id: B, country: SE}]
        links: []
        movements: [{id: m1, commodity: k, from: A, to: B, quantity: 748.664}, {id: m2, commodity: k, from: A, to: B, quantity: 58.93}]
        """
        let result = CLI.run(["plan", "-", "--format", "json"], stdin: Data(yaml.utf8))
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("\"objective\" : 807594"), result.out)
        XCTAssertTrue(result.err.hasPrefix("corridor: note: GLPK's exact check did not confirm"), result.err)
    }

    /// The LP line writes every count with thousands separators (baltic takes over 1,000 iterations).
    func testLPLineGroupsDigits() throws {
        let result = plan(Fixtures.dataset("baltic-reinforcement/network.yaml"))
        XCTAssertEqual(result.status, 0, result.err)
        let line = try XCTUnwrap(result.out.split(separator: "\n").first { $0.hasPrefix("LP: ") })
        let grouped = #/^LP: \d{1,3}(,\d{3})+ rows × \d{1,3}(,\d{3})+ columns, \d{1,3}(,\d{3})+ non-zeros, \d{1,3}(,\d{3})+ simplex iterations$/#
        XCTAssertNotNil(String(line).wholeMatch(of: grouped), String(line))
    }

    func testTimeLimitThatCannotBeMetExitsOne() throws {
        // A generated M network takes GLPK thousands of iterations; 1 ms is never enough, and no
        // non-optimal plan may be printed.
        let directory = TemporaryDirectory()
        let network = try directory.write("m.yaml", NetworkGenerator(.init(size: .m, seed: 1)).document())
        let result = plan(network, ["--time-limit", "0.001"])
        XCTAssertEqual(result.status, 1, result.err)
        XCTAssertTrue(result.err.contains("time limit"), result.err)
        XCTAssertTrue(result.out.isEmpty, "nothing on stdout")
    }

    /// baltic-reinforcement with a 6,000-day horizon: millions of columns (within the memory limit of
    /// this 24 GiB machine), which `validate` used to build just to count (at 100,000 days nearly a
    /// minute and 6.5 GB; that model is now refused as too large). It gives the pruned model's exact
    /// column count instead.
    func testValidateDoesNotBuildAHugeModel() throws {
        let text = try String(contentsOfFile: Fixtures.dataset("baltic-reinforcement/network.yaml"), encoding: .utf8)
        let long = text.replacingOccurrences(of: "\nperiods: 28", with: "\nperiods: 6000")
        XCTAssertNotEqual(long, text)
        let network = try Fixtures.network(long)
        let exact = try Formulation.checkSize(network, exactAbove: 0)
        XCTAssertGreaterThan(exact, 2_000_000)
        let result = CLI.run(["validate", "-"], stdin: Data(long.utf8))
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("LP:           \(exact) columns (rows and non-zeros not counted"), result.out)
        XCTAssertLessThan(result.seconds, 10, "a guard against building the model, not a speed test")
    }

    /// Generated M: the size check's quick bound (which ignores pruning) is 2.3 million columns, over
    /// the limit of models `validate` builds; the pruned model has 35,291, so it is built and counted.
    func testValidateCountsAModelWhoseQuickBoundIsHigh() throws {
        let yaml = NetworkGenerator(.init(size: .m, seed: 1)).document()
        let network = try Fixtures.network(yaml)
        XCTAssertGreaterThan(try Formulation.checkSize(network), 2_000_000, "validate's largest model built")
        XCTAssertEqual(try Formulation.checkSize(network, exactAbove: 0), 35_291)
        let result = CLI.run(["validate", "-"], stdin: Data(yaml.utf8))
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("LP:           19919 rows, 35291 columns, 124896 non-zeros"), result.out)
    }

    func testValidateSummarises() {
        let result = CLI.run(["validate", Fixtures.dataset("baltic-reinforcement/network.yaml")])
        XCTAssertEqual(result.status, 0)
        for word in ["hubs:", "links:", "countries:", "border rules:", "movements:", "horizon:", "LP:"] {
            XCTAssertTrue(result.out.contains(word), word)
        }
    }

    func testHelpEverywhereWithAnExample() {
        for command in [[], ["plan"], ["validate"], ["verify"], ["resilience"], ["batch"], ["batch", "run"], ["batch", "merge"], ["generate"]] {
            let result = CLI.run(command + ["--help"])
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.out.contains("corridor"), command.description)
            XCTAssertTrue(result.out.lowercased().contains("example"), command.description)
            // Prose is wrapped once, by ArgumentParser: a short line whose sentence goes on in the next
            // line is a hard line break left in a discussion, which wraps raggedly.
            let lines = result.out.components(separatedBy: "\n")
            for (line, next) in zip(lines, lines.dropFirst())
            where !line.hasPrefix(" ") && line.count < 40 && next.first?.isLowercase == true {
                XCTFail("\(command): ragged help text at '\(line)' / '\(next)'")
            }
            // Examples fit in 80 columns: an example line is followed by another, or by a blank line.
            for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("  corridor") && !next.isEmpty {
                XCTAssertTrue(next.hasPrefix("  "), "\(command): example wrapped at '\(line)' / '\(next)'")
            }
        }
    }

    func testResilienceCommandModesAndFormats() throws {
        let tiny = Fixtures.dataset("tiny.yaml")
        let single = CLI.run(["resilience", tiny, "--format", "json"])
        XCTAssertEqual(single.status, 0, single.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: single.stdout) as? [String: Any])
        XCTAssertNotNil(json["baseline"] as? [String: Any])
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        for row in rows {
            for key in ["kind", "id", "objective", "objective_change", "delivered_pct", "on_time_pct", "unmet", "skipped", "simplex_iterations"] {
                XCTAssertNotNil(row[key], key)
            }
        }
        XCTAssertEqual(rows.first?["objective"] as? Double, 190_000, "losing NVK or NO→SE leaves all 190 units unmet")
        let jobs = CLI.run(["resilience", tiny, "--format", "json", "--jobs", "2"])
        XCTAssertEqual(jobs.stdout, single.stdout, "output identical whatever --jobs is")
        for extra in [["--mode", "degrade", "--levels", "1,0.5,0"], ["--mode", "random", "--failures", "1", "--trials", "10"],
                      ["--mode", "random", "--probability", "0.2", "--trials", "10"], ["--mode", "worst", "--k", "2"]] {
            for format in ["text", "json", "csv"] {
                let result = CLI.run(["resilience", tiny, "--format", format] + extra)
                XCTAssertEqual(result.status, 0, "\(extra) \(format): \(result.err)")
                XCTAssertFalse(result.stdout.isEmpty)
            }
        }
        // Counts in the text carry thousands separators, like every other number there.
        let many = CLI.run(["resilience", tiny, "--mode", "random", "--failures", "1", "--trials", "1500"])
        XCTAssertEqual(many.status, 0, many.err)
        XCTAssertTrue(many.out.contains("1,500 trials (seed 1)"), many.out)
        XCTAssertTrue(many.out.contains("over n = 1,500 trials"), many.out)
        XCTAssertTrue(many.out.contains("1 random failure per trial;"), many.out)
        XCTAssertEqual(CLI.run(["resilience", tiny, "--elements", "nowhere"]).status, 2)
        // An empty --elements is a mistake, not "all"; more failures per trial than elements too.
        let empty = CLI.run(["resilience", tiny, "--elements", ""])
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.err.hasPrefix("--elements: names no element"), empty.err)
        let tooMany = CLI.run(["resilience", tiny, "--mode", "random", "--failures", "1000"])
        XCTAssertEqual(tooMany.status, 2)
        XCTAssertTrue(tooMany.err.hasPrefix("--failures: is 1000, but only 8 elements are considered"), tooMany.err)
        let bigK = CLI.run(["resilience", tiny, "--mode", "worst", "--k", "1000"])
        XCTAssertEqual(bigK.status, 2)
        XCTAssertTrue(bigK.err.hasPrefix("--k: is 1000, but only 8 elements are considered"), bigK.err)
        XCTAssertEqual(CLI.run(["resilience", tiny, "--jobs", "0"]).status, 2)
        for levels in ["x", ",1", "1,,0.5", "1,", "0x1p-2", "inf", "nan", "1e-300", "1,11"] {
            XCTAssertEqual(CLI.run(["resilience", tiny, "--mode", "degrade", "--levels", levels]).status, 2, levels)
        }
        // An option of another mode would be ignored: it is refused, naming its mode.
        for (arguments, message) in [(["--levels", "1,0.5"], "--levels is for --mode degrade, not --mode single"),
                                     (["--mode", "worst", "--seed", "3"], "--seed is for --mode random, not --mode worst"),
                                     (["--mode", "random", "--k", "3"], "--k is for --mode worst, not --mode random"),
                                     (["--mode", "degrade", "--trials", "3"], "--trials is for --mode random, not --mode degrade")] {
            let run = CLI.run(["resilience", tiny] + arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(run.err.contains(message), run.err)
        }
    }

    /// A standard output that cannot be written (`/dev/full`) is an I/O failure, exit 1 with a
    /// message on standard error — not a trap.
    func testUnwritableStandardOutputExitsOne() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let process = Process()
        process.executableURL = CLI.executableURL
        process.arguments = ["plan", Fixtures.dataset("tiny.yaml")]
        let errors = Pipe()
        process.standardOutput = full
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, message)
        XCTAssertEqual(process.terminationStatus, 1, message)
        XCTAssertTrue(message.contains("cannot write to standard output"), message)
    }

    /// A negative number is read as the option's value (not as an unknown flag, "Missing value"),
    /// so it gets the option's own range message, exit 2.
    func testNegativeNumbersGetTheRangeMessage() {
        let tiny = Fixtures.dataset("tiny.yaml")
        let cases: [([String], String)] = [
            (["resilience", tiny, "--jobs", "-1"], "--jobs must be between 1 and 256"),
            (["resilience", tiny, "--mode", "degrade", "--levels", "-1"], "--levels must be comma-separated decimal numbers"),
            (["resilience", tiny, "--mode", "worst", "--k", "-3"], "--k must be at least 1"),
            (["resilience", tiny, "--mode", "random", "--seed", "-1"], "The value '-1' is invalid for '--seed"),
            (["plan", tiny, "--time-limit", "-1"], "--time-limit must be a positive number of seconds"),
            (["generate", "--hubs", "-5"], "hubs must be between 2 and"),
            (["generate", "--slack", "-1"], "slack must be between 0 and"),
        ]
        for (arguments, message) in cases {
            let result = CLI.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.err.contains(message), "\(arguments): \(result.err)")
            XCTAssertTrue(result.stdout.isEmpty, "\(arguments)")
        }
    }

    /// More links than the hubs have room for: the network is still written, and standard error says
    /// how many were made (3 hubs and 1000 links gave 4 links without a word).
    func testGenerateSaysWhenItMadeFewerLinks() {
        let short = CLI.run(["generate", "--hubs", "3", "--links", "1000"])
        XCTAssertEqual(short.status, 0, short.err)
        XCTAssertTrue(short.out.contains("links:"), short.out)
        XCTAssertTrue(short.err.contains("corridor generate: made "), short.err)
        XCTAssertTrue(short.err.contains(" of the 1000 links asked for; 3 hubs have room for no more"), short.err)
        let made = short.err.split(separator: " ").dropFirst(3).first.map(String.init) ?? "?"
        XCTAssertTrue(short.out.contains("3 hubs, \(made) links,"), "the name counts the links made: \(short.out.prefix(300))")
        XCTAssertFalse(short.out.contains("1000 links"), "\(short.out.prefix(300))")
        let exact = CLI.run(["generate", "--size", "S"])
        XCTAssertEqual(exact.status, 0, exact.err)
        XCTAssertEqual(exact.err, "", "S gets its 150 links")
    }
}
