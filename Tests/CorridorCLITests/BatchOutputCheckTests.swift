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

    /// An output that is the manifest or a network the batch reads, or (without `--resume`) a file
    /// that already holds results, is refused before anything runs: records appended to a network
    /// made it invalid YAML, and a second plain run gave every scenario two records.
    func testAnOutputThatWouldDestroyAnInputOrDoubleTheRecordsIsRefused() throws {
        let network = directory.url.appendingPathComponent("tiny.yaml").path
        let networkBefore = try Data(contentsOf: URL(fileURLWithPath: network))
        let manifestBefore = try Data(contentsOf: URL(fileURLWithPath: manifest))
        let intoNetwork = CLI.run(["batch", manifest, "--output", network, "--quiet"])
        XCTAssertEqual(intoNetwork.status, 2)
        XCTAssertEqual(intoNetwork.err, "\(network): is \(network), a network the batch reads: the output would write into it; "
                       + "give another --output\n")
        let intoManifest = CLI.run(["batch", manifest, "--output", manifest, "--resume", "--quiet"])
        XCTAssertEqual(intoManifest.status, 2)
        XCTAssertEqual(intoManifest.err, "\(manifest!): is the manifest: the output would write over it; give another --output\n")
        let output = try directory.write("out.jsonl", fresh.joined(separator: "\n") + "\n")
        let again = CLI.run(["batch", manifest, "--output", output, "--quiet"])
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.err, "\(output): already holds results: add --resume to carry on from them, "
                       + "or remove the file to start again\n")
        let mergeOverManifest = CLI.run(["batch", "merge", "--manifest", manifest, output, "--output", manifest])
        XCTAssertEqual(mergeOverManifest.status, 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: network)), networkBefore)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: manifest)), manifestBefore)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), fresh.joined(separator: "\n") + "\n")

        // A merge may write over one of its inputs: they are read before it is written.
        let mergeInPlace = CLI.run(["batch", "merge", "--manifest", manifest, output, "--output", output])
        XCTAssertEqual(mergeInPlace.status, 0, mergeInPlace.err)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), fresh.joined(separator: "\n") + "\n")
        // An empty file is a new output.
        let empty = try directory.write("empty.jsonl", "")
        XCTAssertEqual(CLI.run(["batch", manifest, "--output", empty, "--quiet", "--no-timing"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: empty, encoding: .utf8), fresh.joined(separator: "\n") + "\n")
    }

    /// A failure that depends on the run — the time limit, an LP too large for the memory the jobs
    /// share — is not kept by `--resume`: its line goes and the scenario runs again (a batch that hit
    /// the limit could never finish without deleting lines by hand). Other failures stay.
    func testResumeRunsAgainWhatFailedOnTimeOrMemory() throws {
        let timedOut = #"{"error":"no optimal plan within the time limit","id":"b/scale_quantities=0.5","network":"tiny.yaml","status":"error"}"#
        let tooLarge = #"{"error":"tiny.yaml: the LP is too large for a batch of 2 jobs: …","id":"b/scale_quantities=2","network":"tiny.yaml","status":"error"}"#
        let output = try directory.write("out.jsonl", [fresh[0], timedOut, tooLarge].joined(separator: "\n") + "\n")
        let resumed = CLI.run(["batch", manifest, "--output", output, "--resume", "--no-timing"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertTrue(resumed.err.hasPrefix("batch: running again 2 scenarios that hit the time or memory limit: "
                                            + "b/scale_quantities=0.5, b/scale_quantities=2\n"), resumed.err)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), fresh.joined(separator: "\n") + "\n")

        let csv = CLI.run(["batch", manifest, "--quiet", "--no-timing", "--format", "csv"]).out.split(separator: "\n").map(String.init)
        let csvOutput = try directory.write("out.csv", [csv[0], csv[1], "b/scale_quantities=0.5,error,,,,,,,,,,,,,,,,,,no optimal plan within the time limit",
                                                        "b/scale_quantities=2,error,,,,,,,,,,,,,,,,,,\"other failure, kept\""].joined(separator: "\n") + "\n")
        let csvResumed = CLI.run(["batch", manifest, "--output", csvOutput, "--resume", "--no-timing", "--format", "csv", "--quiet"])
        XCTAssertEqual(csvResumed.status, 1, "the other failure is kept and counts: \(csvResumed.err)")
        XCTAssertEqual(try String(contentsOfFile: csvOutput, encoding: .utf8),
                       [csv[0], csv[1], "b/scale_quantities=2,error,,,,,,,,,,,,,,,,,,\"other failure, kept\"", csv[2]].joined(separator: "\n") + "\n")
    }

    /// A time-limit record is still checked like any record: an id the manifest lacks, or a second
    /// record of a finished scenario, is refused, not deleted in silence.
    func testARetryableRecordIsCheckedFirst() throws {
        let foreign = #"{"error":"no optimal plan within the time limit","id":"zzz","network":"tiny.yaml","status":"error"}"#
        XCTAssertEqual(try refusedResume(fresh + [foreign]),
                       "OUT:4: id: scenario \"zzz\" is not in the manifest; resume only into an output of this batch\n")
        let again = #"{"error":"no optimal plan within the time limit","id":"a","network":"tiny.yaml","status":"error"}"#
        XCTAssertEqual(try refusedResume(fresh + [again]),
                       "OUT:4: id: scenario \"a\" has a record on line 1 already; delete one of them to resume\n")
    }

    func testANegativeShardIsRefusedAsAShard() throws {
        let run = CLI.run(["batch", manifest, "--shard", "-1/2"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.hasPrefix("Error: --shard must be I/N with 0 ≤ I < N, e.g. 0/4"), run.err)
    }
}

/// A reader that closes the pipe early (`corridor generate | head -c 10`) is a write error reported
/// like any other — exit 1, the reason on standard error — not a silent death by SIGPIPE.
final class ClosedPipeTests: XCTestCase {
    func testAClosedStandardOutputIsReportedNotASignal() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // generate --size L writes some 300 KB in one go: far more than a pipe holds before head closes it.
        let directory = TemporaryDirectory()
        let errorFile = directory.url.appendingPathComponent("stderr").path
        process.arguments = ["-c", "\"$0\" generate --size L 2>\"$1\" | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}",
                             CLI.executableURL.path, errorFile]
        try process.run()
        process.waitUntilExit()
        let errors = try String(contentsOfFile: errorFile, encoding: .utf8)
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 1, "141 is death by SIGPIPE: \(errors)")
        XCTAssertEqual(errors, "corridor: cannot write to standard output: Broken pipe\n")
    }
}
