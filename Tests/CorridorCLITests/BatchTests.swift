import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// `corridor batch`: a 200-scenario sweep killed with SIGKILL and resumed ends with every scenario
/// exactly once and the results of an uninterrupted run; shards merge into the same set; a bad
/// scenario does not stop the batch; an invalid manifest runs nothing.
final class BatchTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var manifest: String!

    override func setUpWithError() throws {
        directory = TemporaryDirectory()
        let base = Fixtures.dataset("baltic-reinforcement/network.yaml")
        manifest = try directory.write("sweep.yaml", """
        name: demand sweep
        base: \(base)
        scenarios:
          - id: demand
            sweep: {kind: scale_quantities, range: [0.5, 2.49, 0.01]}
        """)
    }

    private func records(_ path: String) throws -> [BatchRecord] {
        try BatchOutput.records(in: try Data(contentsOf: URL(fileURLWithPath: path)), format: .jsonl, file: "output")
    }

    private func lineCount(_ path: String) -> Int {
        (FileManager.default.contents(atPath: path) ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count
    }

    func testKilledSweepResumesToTheUninterruptedResult() throws {
        let expectedIds = try BatchManifest.load(path: manifest).scenarios.map(\.id)
        XCTAssertEqual(expectedIds.count, 200)
        XCTAssertEqual(Set(expectedIds).count, 200, "sweep ids are unique")
        XCTAssertEqual(expectedIds.first, "demand/scale_quantities=0.5")

        let reference = directory.url.appendingPathComponent("reference.jsonl").path
        let full = CLI.run(["batch", manifest, "--jobs", "2", "--output", reference, "--quiet"], timeout: 600)
        XCTAssertEqual(full.status, 0, full.err)
        let expected = try records(reference)
        XCTAssertEqual(expected.map(\.id), expectedIds, "output in manifest order")

        let interrupted = directory.url.appendingPathComponent("interrupted.jsonl").path
        let process = Process()
        process.executableURL = CLI.executableURL
        process.arguments = ["batch", manifest, "--jobs", "2", "--output", interrupted, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while lineCount(interrupted) < 100, process.isRunning, Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = lineCount(interrupted)
        XCTAssertGreaterThan(before, 0)
        XCTAssertLessThan(before, 200, "the run was interrupted halfway")

        let resumed = CLI.run(["batch", manifest, "--jobs", "2", "--output", interrupted, "--resume", "--quiet"], timeout: 600)
        XCTAssertEqual(resumed.status, 0, resumed.err)
        let result = try records(interrupted)
        XCTAssertEqual(result.map(\.id), expectedIds, "every scenario exactly once, in manifest order")
        XCTAssertEqual(result.map(\.withoutTiming), expected.map(\.withoutTiming))
    }

    func testResumeDropsAHalfWrittenLine() throws {
        let output = directory.url.appendingPathComponent("partial.jsonl").path
        let first = CLI.run(["batch", manifest, "--output", output, "--quiet", "--shard", "0/50"], timeout: 300)
        XCTAssertEqual(first.status, 0, first.err)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: output))
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\":\"demand/scale_quan".utf8))  // what a kill -9 mid-write leaves
        try handle.close()
        let again = CLI.run(["batch", manifest, "--output", output, "--quiet", "--shard", "0/50", "--resume"], timeout: 300)
        XCTAssertEqual(again.status, 0, again.err)
        let ids = try records(output).map(\.id)
        XCTAssertEqual(ids.count, 4)
        XCTAssertEqual(Set(ids).count, 4)
        XCTAssertEqual(lineCount(output), 4, "no garbage line left behind")
    }

    func testShardsMergeIntoTheUnshardedSet() throws {
        let unsharded = directory.url.appendingPathComponent("all.jsonl").path
        XCTAssertEqual(CLI.run(["batch", manifest, "--jobs", "2", "--output", unsharded, "--quiet", "--no-timing"],
                               timeout: 600).status, 0)
        var parts: [String] = []
        for shard in 0..<3 {
            let part = directory.url.appendingPathComponent("part-\(shard).jsonl").path
            let run = CLI.run(["batch", manifest, "--shard", "\(shard)/3", "--output", part, "--quiet", "--no-timing"], timeout: 600)
            XCTAssertEqual(run.status, 0, run.err)
            parts.append(part)
        }
        let mergedPath = directory.url.appendingPathComponent("merged.jsonl").path
        let merge = CLI.run(["batch", "merge", "--manifest", manifest, "--output", mergedPath] + parts)
        XCTAssertEqual(merge.status, 0, merge.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: mergedPath)),
                       try Data(contentsOf: URL(fileURLWithPath: unsharded)), "byte-identical to the unsharded run")

        let incomplete = CLI.run(["batch", "merge", "--manifest", manifest] + parts.dropLast())
        XCTAssertEqual(incomplete.status, 1)
        XCTAssertTrue(incomplete.err.contains("missing"), incomplete.err)
        let twice = CLI.run(["batch", "merge", "--manifest", manifest] + parts + [parts[0]])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.err.contains("more than once"), twice.err)
    }

    func testABadScenarioBecomesAnErrorLineAndTheBatchGoesOn() throws {
        let tiny = Fixtures.dataset("tiny.yaml")
        let broken = try directory.write("broken.yaml", "periods: 0\n")
        let mixed = try directory.write("mixed.yaml", """
        base: \(tiny)
        scenarios:
          - id: ok
          - id: bad-link
            overrides: [{kind: remove_link, link: nowhere}]
          - id: bad-file
            network: \(broken)
          - id: closed
            overrides: [{kind: close_border, from: "NO", to: "SE"}]
          - id: later
            overrides: [{kind: shift_release, value: 1}, {kind: link_capacity, link: e10, value: 2}]
        """)
        let plans = directory.url.appendingPathComponent("plans").path
        let run = CLI.run(["batch", mixed, "--plans", plans, "--quiet", "--no-timing"])
        XCTAssertEqual(run.status, 1, "some scenarios failed")
        let lines = try BatchOutput.records(in: run.stdout, format: .jsonl, file: "output")
        XCTAssertEqual(lines.map(\.id), ["ok", "bad-link", "bad-file", "closed", "later"])
        XCTAssertEqual(lines.map(\.status), ["optimal", "error", "error", "optimal", "optimal"])
        XCTAssertEqual(lines[1].error, "override remove_link:nowhere: no link \"nowhere\"", "as docs/batch.md shows it")
        XCTAssertTrue(lines[2].error?.contains("periods") ?? false)
        XCTAssertEqual(lines[0].objective, 1790)
        XCTAssertEqual(lines[3].unmet, 190, "no way into Sweden with the crossing closed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: BatchRunner.planPath(id: "ok", directory: plans)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: BatchRunner.planPath(id: "bad-link", directory: plans)))
        let again = CLI.run(["batch", mixed, "--quiet", "--no-timing", "--jobs", "3"])
        XCTAssertEqual(again.stdout, run.stdout, "same output whatever --jobs is")
        let csv = CLI.run(["batch", mixed, "--quiet", "--no-timing", "--format", "csv"])
        XCTAssertEqual(csv.out.split(separator: "\n").first.map(String.init), BatchRecord.csvHeader)
        XCTAssertEqual(try BatchOutput.records(in: csv.stdout, format: .csv, file: "output").map(\.id), lines.map(\.id))

        // Resumed, the failures are not run again (they would fail the same way) but still count:
        // exit 1, as "resume until it exits 0" loops expect (it exited 0 with "0 failed").
        let output = directory.url.appendingPathComponent("mixed.jsonl").path
        XCTAssertEqual(CLI.run(["batch", mixed, "--quiet", "--no-timing", "--output", output]).status, 1)
        let resumed = CLI.run(["batch", mixed, "--no-timing", "--output", output, "--resume"])
        XCTAssertEqual(resumed.status, 1, resumed.err)
        XCTAssertTrue(resumed.err.contains("batch: 0 scenarios run, 0 failed (and 2 failed in the run resumed, not run again)"),
                      resumed.err)
        XCTAssertEqual(try records(output).map(\.id), lines.map(\.id), "nothing appended")
    }

    /// The baseline record docs/batch.md shows: the first scenario of examples/demand-sweep.yaml.
    func testTheDocumentedBaselineRecord() throws {
        let example = Fixtures.repositoryRoot.appendingPathComponent("examples/demand-sweep.yaml").path
        let run = CLI.run(["batch", example, "--shard", "0/1000", "--quiet", "--no-timing"], timeout: 120)
        XCTAssertEqual(run.status, 0, run.err)
        let records = try BatchOutput.records(in: run.stdout, format: .jsonl, file: "output")
        XCTAssertEqual(records.map(\.id), ["baseline"])
        let baseline = try XCTUnwrap(records.first)
        XCTAssertEqual(baseline.network, "../datasets/baltic-reinforcement/network.yaml")
        XCTAssertEqual(baseline.objective, 11459333.3333)
        XCTAssertEqual(baseline.lp?.columns, 5619)
        XCTAssertEqual(baseline.delivered, 60700)
        XCTAssertEqual(baseline.unmet, 200)
    }

    /// Records name a network relative to the manifest's folder when the manifest does (paths, bases
    /// and globs), so the same manifest and files give the same bytes wherever they live.
    func testResultsDoNotDependOnWhereTheFilesLive() throws {
        let tiny = try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("tiny.yaml")))
        var outputs: [Data] = []
        for place in ["one", "two/deeper"] {
            let folder = directory.url.appendingPathComponent(place)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("nets"), withIntermediateDirectories: true)
            try tiny.write(to: folder.appendingPathComponent("nets/tiny.yaml"))
            try Data("periods: 0\n".utf8).write(to: folder.appendingPathComponent("nets/broken.yaml"))
            let manifest = folder.appendingPathComponent("manifest.yaml")
            try Data("""
            base: nets/tiny.yaml
            scenarios:
              - id: base
              - id: named
                network: ./nets/../nets/tiny.yaml
              - id: all
                glob: nets/*.yaml
            """.utf8).write(to: manifest)
            let run = CLI.run(["batch", manifest.path, "--quiet", "--no-timing"])
            XCTAssertEqual(run.status, 1, run.err)
            let lines = try BatchOutput.records(in: run.stdout, format: .jsonl, file: "output")
            XCTAssertEqual(lines.map(\.id), ["base", "named", "all/broken", "all/tiny"])
            XCTAssertEqual(lines.map(\.network), ["nets/tiny.yaml", "nets/tiny.yaml", "nets/broken.yaml", "nets/tiny.yaml"])
            XCTAssertTrue(lines[2].error?.hasPrefix("nets/broken.yaml") ?? false, lines[2].error ?? "")
            outputs.append(run.stdout)
        }
        XCTAssertEqual(outputs[0], outputs[1])

        // Through a symlinked folder, `..` means what it means to the file system.
        let real = directory.url.appendingPathComponent("real/manifests")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        try tiny.write(to: directory.url.appendingPathComponent("data/tiny.yaml"))
        try Data("scenarios: [{id: x, network: ../../data/tiny.yaml}]\n".utf8).write(to: real.appendingPathComponent("m.yaml"))
        let link = directory.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let viaLink = CLI.run(["batch", link.appendingPathComponent("m.yaml").path, "--quiet", "--no-timing"])
        XCTAssertEqual(viaLink.status, 0, viaLink.out + viaLink.err)
        XCTAssertEqual(try BatchOutput.records(in: viaLink.stdout, format: .jsonl, file: "output").map(\.network), ["../../data/tiny.yaml"])
    }

    func testAnInvalidManifestRunsNothing() throws {
        for text in ["scenarios: []\n", "base: x.yaml\nscenarios: [{id: a, overides: []}]\n",
                     "scenarios: [{id: a, network: x.yaml, sweep: {kind: nonsense, values: [1]}}]\n",
                     "scenarios: [{id: a, network: x.yaml}, {id: a, network: y.yaml}]\n", "garbage: [\n"] {
            let file = try directory.write("invalid.yaml", text)
            let run = CLI.run(["batch", file])
            XCTAssertEqual(run.status, 2, text + run.err)
            XCTAssertTrue(run.stdout.isEmpty)
            XCTAssertTrue(run.err.contains("invalid.yaml"), run.err)
        }
    }

    /// The documented JSON Schemas accept the example manifest and real result lines (needs Python's
    /// jsonschema and PyYAML; skipped without them).
    func testSchemasDescribeRealManifestsAndOutput() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import jsonschema, yaml"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { throw XCTSkip("python3 is not available") }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { throw XCTSkip("python3 jsonschema/yaml are not installed") }
        let example = Fixtures.repositoryRoot.appendingPathComponent("examples/demand-sweep.yaml").path
        let run = CLI.run(["batch", example, "--quiet", "--no-timing"], timeout: 300)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertGreaterThan(try BatchOutput.records(in: run.stdout, format: .jsonl, file: "output").count, 1, "result lines to validate")
        let output = try directory.write("results.jsonl", run.stdout)
        let failing = try directory.write("failing.jsonl", "{\"id\": \"x\", \"status\": \"error\"}\n")
        let schemas = Fixtures.repositoryRoot.appendingPathComponent("docs/schemas").path
        let script = """
        import json, sys, yaml, jsonschema
        schemas = sys.argv[1]
        manifest = json.load(open(schemas + "/batch-manifest.schema.json"))
        result = json.load(open(schemas + "/batch-result.schema.json"))
        jsonschema.validate(yaml.safe_load(open(sys.argv[2])), manifest)
        for line in open(sys.argv[3]):
            jsonschema.validate(json.loads(line), result)
        try:
            jsonschema.validate(json.loads(open(sys.argv[4]).readline()), result)
            sys.exit("an error line without its error was accepted")
        except jsonschema.ValidationError:
            pass
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemas, example, output, failing]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, message)
    }
}
