import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// Outputs this batch could not have written — a record missing what its status requires, a second
/// record of one scenario, an id the manifest does not have, a record run on another network file:
/// `--resume` refuses them before anything changes or runs (exit 2, naming line and field), and
/// `batch merge --manifest` names them (exit 1) instead of taking them in silence.
final class BatchOutputCheckTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var manifest: String!
    private var fresh: [String] = []

    override func setUpWithError() throws {
        directory = TemporaryDirectory()
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("tiny.yaml"))).write(to: directory.url.appendingPathComponent("tiny.yaml"))
        manifest = try directory.write("manifest.yaml", """
        base: tiny.yaml
        scenarios:
          - id: a
          - id: b
            sweep: {kind: scale_quantities, values: [0.5, 2]}
        """)
        let run = CLI.run(["batch", manifest, "--quiet", "--no-timing"])
        XCTAssertEqual(run.status, 0, run.err)
        fresh = run.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(fresh.count, 3)
    }

    /// Resumes into an output of `lines`; asserts exit 2, the output unchanged, and returns stderr.
    private func refusedResume(_ lines: [String], format: String = "jsonl", file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let output = try directory.write("out.\(format)", lines.joined(separator: "\n") + "\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        let run = CLI.run(["batch", manifest, "--output", output, "--resume", "--format", format, "--quiet"])
        XCTAssertEqual(run.status, 2, run.err, file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: output)), before, "nothing changed, nothing run", file: file, line: line)
        return run.err.replacingOccurrences(of: output, with: "OUT")
    }

    func testResumeRefusesARecordMissingWhatItsStatusRequires() throws {
        var noObjective = fresh
        noObjective[1] = noObjective[1].replacingOccurrences(of: #""objective":[0-9.e+-]+,"#, with: "", options: .regularExpression)
        XCTAssertNotEqual(noObjective[1], fresh[1])
        XCTAssertEqual(try refusedResume(noObjective),
                       "OUT:2: not a complete Corridor batch record: an optimal record without objective; resume only into an output of this batch\n")
        XCTAssertEqual(try refusedResume([#"{"id":"a","status":"error"}"#]),
                       "OUT:1: not a complete Corridor batch record: an error record without \"error\"; resume only into an output of this batch\n")
        XCTAssertEqual(try refusedResume([#"{"id":"a","status":"done","error":"x"}"#]),
                       "OUT:1: not a complete Corridor batch record: status \"done\" is neither \"optimal\" nor \"error\"; "
                       + "resume only into an output of this batch\n")
    }

    func testResumeRefusesDuplicatesAndIdsNotInTheManifest() throws {
        XCTAssertEqual(try refusedResume([fresh[0], fresh[1], fresh[0]]),
                       "OUT:3: id: scenario \"a\" has a record on line 1 already; delete one of them to resume\n")
        let foreign = fresh[0].replacingOccurrences(of: #""id":"a""#, with: #""id":"zz""#)
        XCTAssertEqual(try refusedResume([foreign]),
                       "OUT:1: id: scenario \"zz\" is not in the manifest; resume only into an output of this batch\n")
    }

    func testCSVResumeChecksIdsAndCompletenessToo() throws {
        let csv = CLI.run(["batch", manifest, "--quiet", "--no-timing", "--format", "csv"])
        var lines = csv.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(try refusedResume(lines + [lines[2]], format: "csv"),
                       "OUT:5: id: scenario \"b/scale_quantities=0.5\" has a record on line 3 already; delete one of them to resume\n")
        lines[1] = lines[1].replacingOccurrences(of: "a,optimal,", with: "zz,optimal,")
        XCTAssertEqual(try refusedResume(lines, format: "csv"),
                       "OUT:2: id: scenario \"zz\" is not in the manifest; resume only into an output of this batch\n")
        var costless = csv.out.split(separator: "\n").map(String.init)
        var fields = costless[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[3] = ""  // transport
        costless[1] = fields.joined(separator: ",")
        XCTAssertEqual(try refusedResume(costless, format: "csv"),
                       "OUT:2: not a complete Corridor batch record: an optimal record without costs\n")
    }

    func testMergeNamesRecordsOfAnotherNetworkAndMendsOldSpellings() throws {
        let part = try directory.write("part.jsonl", [
            fresh[0].replacingOccurrences(of: #""network":"tiny.yaml""#, with: #""network":"other.yaml""#),
            fresh[1].replacingOccurrences(of: #""network":"tiny.yaml""#,
                                          with: "\"network\":\"\(directory.url.appendingPathComponent("./tiny.yaml").path)\""),
            fresh[2],
        ].joined(separator: "\n") + "\n")
        let merge = CLI.run(["batch", "merge", "--manifest", manifest, part])
        XCTAssertEqual(merge.status, 1, merge.err)
        XCTAssertEqual(merge.err, "merge: 1 record run on another network than the manifest gives: a\n")
        let merged = merge.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(merged.dropFirst()), Array(fresh.dropFirst()), "the old absolute spelling merged as this version writes it")
    }

    func testMergeRefusesIncompleteRecordsAndNamesUnreadableInputs() throws {
        let part = try directory.write("part.jsonl", #"{"id":"a","status":"optimal"}"# + "\n")
        let merge = CLI.run(["batch", "merge", part])
        XCTAssertEqual(merge.status, 2)
        XCTAssertEqual(merge.err, "\(part):1: not a complete Corridor batch record: "
                       + "an optimal record without objective, costs, delivered_pct, on_time_pct, unmet, lp\n")
        let intoDirectory = CLI.run(["batch", "merge", directory.url.path])
        XCTAssertEqual(intoDirectory.status, 2)
        XCTAssertEqual(intoDirectory.err, "\(directory.url.path): is a directory, not a batch output file\n")
        let loop = directory.url.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let looped = CLI.run(["batch", "merge", loop])
        XCTAssertEqual(looped.status, 2)
        XCTAssertEqual(looped.err, "\(loop): cannot be read (Too many levels of symbolic links)\n")
        let validate = CLI.run(["validate", loop])
        XCTAssertEqual(validate.status, 2)
        XCTAssertTrue(validate.err.contains("cannot be read (Too many levels of symbolic links)"), validate.err)
    }

    func testANegativeShardIsRefusedAsAShard() throws {
        let run = CLI.run(["batch", manifest, "--shard", "-1/2"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.hasPrefix("Error: --shard must be I/N with 0 ≤ I < N, e.g. 0/4"), run.err)
    }
}
