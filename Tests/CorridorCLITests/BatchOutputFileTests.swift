import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// The files `corridor batch` writes and reads back: an output that cannot be written stops the
/// batch with exit 1 (never a crash), and `merge` and `--resume` refuse lines that are not records
/// of the format asked for instead of mixing forms or dropping them in silence.
final class BatchOutputFileTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var manifest: String!

    override func setUpWithError() throws {
        directory = TemporaryDirectory()
        manifest = try directory.write("manifest.yaml", """
        base: \(Fixtures.dataset("tiny.yaml"))
        scenarios:
          - id: demand
            sweep: {kind: scale_quantities, values: [0.5, 1, 2]}
        """)
    }

    private func assertNotACrash(_ run: CLI.Result, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(run.signaled, "died of signal \(run.status): \(run.err)", file: file, line: line)
        XCTAssertEqual(run.status, 1, run.err, file: file, line: line)
        XCTAssertTrue(run.err.contains(message), run.err, file: file, line: line)
    }

    func testAnOutputThatCannotBeWrittenExitsOne() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        for format in ["jsonl", "csv"] {
            let run = CLI.run(["batch", manifest, "--quiet", "--format", format, "--output", "/dev/full"])
            assertNotACrash(run, "/dev/full")
        }
        let part = directory.url.appendingPathComponent("part.jsonl").path
        XCTAssertEqual(CLI.run(["batch", manifest, "--quiet", "--output", part]).status, 0)
        let merge = CLI.run(["batch", "merge", part, "--output", "/dev/full"])
        assertNotACrash(merge, "/dev/full")
    }

    func testMergeRefusesAnOutputOfTheOtherFormat() throws {
        let jsonl = directory.url.appendingPathComponent("part.jsonl").path
        let csv = directory.url.appendingPathComponent("part.csv").path
        XCTAssertEqual(CLI.run(["batch", manifest, "--quiet", "--output", jsonl]).status, 0)
        XCTAssertEqual(CLI.run(["batch", manifest, "--quiet", "--output", csv, "--format", "csv"]).status, 0)

        let asCSV = CLI.run(["batch", "merge", "--format", "csv", jsonl])
        XCTAssertEqual(asCSV.status, 2, asCSV.err)
        XCTAssertTrue(asCSV.out.isEmpty, "nothing written: \(asCSV.out)")
        XCTAssertTrue(asCSV.err.contains("\(jsonl):1: not Corridor's batch CSV header"), asCSV.err)
        XCTAssertTrue(asCSV.err.contains("--format jsonl"), asCSV.err)

        let asJSONL = CLI.run(["batch", "merge", csv])
        XCTAssertEqual(asJSONL.status, 2, asJSONL.err)
        XCTAssertTrue(asJSONL.err.contains("\(csv):1: not a Corridor batch record in JSON Lines (this is a CSV output: --format csv)"),
                      asJSONL.err)
        XCTAssertTrue(asJSONL.err.contains("\(csv):2: not a Corridor batch record"), "every bad line named: \(asJSONL.err)")

        let both = CLI.run(["batch", "merge", "--format", "csv", csv, csv])
        XCTAssertEqual(both.status, 1, "the same records twice: \(both.err)")
        XCTAssertTrue(both.err.contains("more than once"), both.err)
    }

    func testResumeRefusesAnOutputOfAnotherFormatOrFile() throws {
        let jsonl = directory.url.appendingPathComponent("out.jsonl").path
        XCTAssertEqual(CLI.run(["batch", manifest, "--quiet", "--output", jsonl, "--shard", "0/2"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: jsonl))

        let asCSV = CLI.run(["batch", manifest, "--quiet", "--output", jsonl, "--format", "csv", "--resume"])
        XCTAssertEqual(asCSV.status, 2, asCSV.err)
        XCTAssertTrue(asCSV.err.contains("\(jsonl):1: not Corridor's batch CSV header"), asCSV.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: jsonl)), before, "the output is left as it was")

        let foreign = try directory.write("notes.txt", "shopping list\n")
        let intoForeign = CLI.run(["batch", manifest, "--quiet", "--output", foreign, "--resume"])
        XCTAssertEqual(intoForeign.status, 2, intoForeign.err)
        XCTAssertTrue(intoForeign.err.contains("\(foreign):1: not a Corridor batch record in JSON Lines"), intoForeign.err)
        XCTAssertEqual(try String(contentsOfFile: foreign, encoding: .utf8), "shopping list\n")

        let resumed = CLI.run(["batch", manifest, "--quiet", "--output", jsonl, "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        let ids = try BatchOutput.records(in: try Data(contentsOf: URL(fileURLWithPath: jsonl)), format: .jsonl, file: jsonl).map(\.id)
        XCTAssertEqual(ids.sorted(), ["demand/scale_quantities=0.5", "demand/scale_quantities=1", "demand/scale_quantities=2"])
    }
}

/// `--plans DIR` writes `DIR/<id>.json` with unsafe characters as `_`: ids that would share a file
/// (after that, or in case only) are refused before anything runs.
final class BatchPlanFileTests: XCTestCase {
    func testIdsThatShareAPlanFileAreRefused() throws {
        let directory = TemporaryDirectory()
        let manifest = try directory.write("clash.yaml", """
        base: \(Fixtures.dataset("tiny.yaml"))
        scenarios:
          - id: rail cut
          - id: rail_cut
          - id: Base
          - id: base
          - id: fine
        """)
        let plans = directory.url.appendingPathComponent("plans").path
        let run = CLI.run(["batch", manifest, "--plans", plans, "--quiet"])
        XCTAssertEqual(run.status, 2, run.err)
        XCTAssertTrue(run.out.isEmpty, "nothing run: \(run.out)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: plans), "nothing written")
        XCTAssertEqual(run.err.split(separator: "\n").map(String.init), [
            "\(manifest): --plans: scenarios \"rail cut\" and \"rail_cut\" would both write \(plans)/rail_cut.json; give one another id",
            "\(manifest): --plans: scenarios \"Base\" and \"base\" would both write \(plans)/base.json; give one another id",
        ])
        let withoutPlans = CLI.run(["batch", manifest, "--quiet", "--no-timing"])
        XCTAssertEqual(withoutPlans.status, 0, "the ids are distinct records: \(withoutPlans.err)")
    }

    /// A `--plans` that is a file, or empty, is refused before anything runs (every scenario was
    /// solved, then failed "the plan could not be written").
    func testAPlansDirectoryThatCannotBeOneIsRefusedFirst() throws {
        let directory = TemporaryDirectory()
        let manifest = try directory.write("m.yaml", "base: \(Fixtures.dataset("tiny.yaml"))\nscenarios: [{id: a}]\n")
        let file = try directory.write("file.txt", "x")
        let intoFile = CLI.run(["batch", manifest, "--plans", file, "--quiet"])
        XCTAssertEqual(intoFile.status, 2)
        XCTAssertEqual(intoFile.err, "\(file): --plans: is a file, not a directory for the plans\n")
        XCTAssertTrue(intoFile.out.isEmpty, "nothing run")
        let empty = CLI.run(["batch", manifest, "--plans", "", "--quiet"])
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.err, "--plans: is empty; give a directory\n")
        let nested = directory.url.appendingPathComponent("a/b/plans").path
        let made = CLI.run(["batch", manifest, "--plans", nested, "--quiet", "--no-timing"])
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: nested + "/a.json"))
    }

    /// An id whose plan file name the file system cannot hold failed its scenario after the solve
    /// ("file name is invalid"); it is refused before anything runs.
    func testAnIdTooLongForAFileNameIsRefused() throws {
        let directory = TemporaryDirectory()
        let long = String(repeating: "x", count: 300)
        let manifest = try directory.write("long.yaml", "base: \(Fixtures.dataset("tiny.yaml"))\nscenarios: [{id: \(long)}, {id: ok}]\n")
        let plans = directory.url.appendingPathComponent("plans").path
        let run = CLI.run(["batch", manifest, "--plans", plans, "--quiet"])
        XCTAssertEqual(run.status, 2, run.err)
        XCTAssertEqual(run.err, "\(manifest): --plans: scenario \"\(long.prefix(40))…\" would write a plan file name of 305 bytes, "
                       + "more than 243; give it a shorter id\n")
        let longest = String(repeating: "y", count: 243 - 5)
        let fits = try directory.write("fits.yaml", "base: \(Fixtures.dataset("tiny.yaml"))\nscenarios: [{id: \(longest)}]\n")
        let written = CLI.run(["batch", fits, "--plans", plans, "--quiet", "--no-timing"])
        XCTAssertEqual(written.status, 0, written.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(plans)/\(longest).json"))
    }
}

/// Output files that cannot be opened say why in the system's words, not Foundation's "You don't
/// have permission" (which it says for a missing directory too).
final class OutputFileReasonTests: XCTestCase {
    func testMissingDirectoriesAndDirectoriesAreNamedAsSuch() throws {
        let directory = TemporaryDirectory()
        let manifest = try directory.write("m.yaml", "base: \(Fixtures.dataset("tiny.yaml"))\nscenarios: [{id: a}]\n")
        let missing = directory.url.appendingPathComponent("no/such/dir/out.jsonl").path
        let batch = CLI.run(["batch", manifest, "--quiet", "--output", missing])
        XCTAssertEqual(batch.status, 1)
        XCTAssertEqual(batch.err, "corridor: \(missing): No such file or directory\n")
        let intoDirectory = CLI.run(["batch", manifest, "--quiet", "--output", directory.url.path])
        XCTAssertEqual(intoDirectory.err, "corridor: \(directory.url.path): Is a directory\n")
        let generate = CLI.run(["generate", "--size", "S", "--output", directory.url.path])
        XCTAssertEqual(generate.status, 1)
        XCTAssertEqual(generate.err, "corridor: cannot write \(directory.url.path): Is a directory\n")
        let generateMissing = CLI.run(["generate", "--size", "S", "--output", missing])
        XCTAssertEqual(generateMissing.err, "corridor: cannot write \(missing): No such file or directory\n")
    }

    func testSweepValuesCloserThanTheIdPrecisionAreExplained() throws {
        let directory = TemporaryDirectory()
        let manifest = try directory.write("m.yaml", """
        base: \(Fixtures.dataset("tiny.yaml"))
        scenarios:
          - id: d
            sweep: {kind: scale_quantities, values: [1.0000001, 1.0000002]}
        """)
        let run = CLI.run(["batch", manifest, "--quiet"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("scenario id \"d/scale_quantities=1\" occurs twice (positions 0 and 1 after expansion); "
                                       + "sweep ids keep six decimal places, so values less than 1e-6 apart share one"), run.err)
    }
}
