import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// `--resume` on outputs of earlier versions, which wrote each record's `network` as an absolute path:
/// records naming the scenario's file are done and rewritten in the current (relative) form, so the
/// resumed output is byte for byte a fresh run's; a record naming another file stops the resume.
final class BatchResumeTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var manifest: String!

    override func setUpWithError() throws {
        directory = TemporaryDirectory()
        let nets = directory.url.appendingPathComponent("nets")
        try FileManager.default.createDirectory(at: nets, withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("tiny.yaml"))).write(to: nets.appendingPathComponent("tiny.yaml"))
        try Data("periods: 0\n".utf8).write(to: nets.appendingPathComponent("broken.yaml"))
        manifest = try directory.write("manifest.yaml", """
        base: nets/tiny.yaml
        scenarios:
          - id: base
          - id: broken
            network: nets/broken.yaml
          - id: demand
            sweep: {kind: scale_quantities, values: [0.5, 1, 1.5, 2]}
          - id: all
            glob: nets/*.yaml
        """)
    }

    /// An earlier version's output: the first `count` records of `fresh`, each `network` the absolute
    /// path `spell` gives for it, then what a kill -9 mid-write leaves.
    private func oldOutput(_ fresh: Data, count: Int, spell: (String) -> String) throws -> String {
        var lines: [String] = []
        for record in try BatchOutput.records(in: fresh, format: .jsonl, file: "output").prefix(count) {
            var old = record
            old.network = record.network.map(spell)
            lines.append(BatchOutput.jsonLine(old))
        }
        XCTAssertEqual(lines.count, count)
        XCTAssertTrue(lines.allSatisfy { $0.contains("\"network\":\"/") }, "every old record names an absolute path")
        return try directory.write("old.jsonl", lines.joined(separator: "\n") + "\n{\"id\":\"demand/scale_quan")
    }

    func testAnOldOutputWithAbsoluteNetworksResumesToAFreshRun() throws {
        let fresh = CLI.run(["batch", manifest, "--quiet", "--no-timing"])
        XCTAssertEqual(fresh.status, 1, "broken and all/broken fail: \(fresh.err)")
        let records = try BatchOutput.records(in: fresh.stdout, format: .jsonl, file: "output")
        XCTAssertEqual(records.map(\.id), ["base", "broken", "demand/scale_quantities=0.5", "demand/scale_quantities=1",
                                           "demand/scale_quantities=1.5", "demand/scale_quantities=2", "all/broken", "all/tiny"])
        XCTAssertEqual(records.map(\.network), ["nets/tiny.yaml", "nets/broken.yaml"] + Array(repeating: "nets/tiny.yaml", count: 4)
                       + ["nets/broken.yaml", "nets/tiny.yaml"])

        // Absolute, through `..` and a symbolic link to the folder: still the scenario's own file.
        let link = directory.url.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: directory.url)
        let old = try oldOutput(fresh.stdout, count: 5) { network in
            link.appendingPathComponent("nets/../\(network)").path
        }
        let resumed = CLI.run(["batch", manifest, "--output", old, "--resume", "--no-timing"])
        XCTAssertEqual(resumed.status, 1, "all/broken runs again and fails: \(resumed.err)")
        XCTAssertTrue(resumed.err.contains("batch: 3 scenarios run, 1 failed"), "the five old records are done: \(resumed.err)")
        XCTAssertEqual(String(decoding: try Data(contentsOf: URL(fileURLWithPath: old)), as: UTF8.self), fresh.out,
                       "old records rewritten relative, new ones appended: a fresh run's bytes")
    }

    func testARecordOfAnotherFileStopsTheResume() throws {
        let fresh = CLI.run(["batch", manifest, "--quiet", "--no-timing"])
        let elsewhere = directory.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("nets"), withIntermediateDirectories: true)
        for name in ["nets/tiny.yaml", "nets/broken.yaml"] {
            try FileManager.default.copyItem(at: directory.url.appendingPathComponent(name),
                                             to: elsewhere.appendingPathComponent(name))
        }
        // A copy of the file is another file: its record is not this scenario's result.
        let old = try oldOutput(fresh.stdout, count: 3) { elsewhere.appendingPathComponent($0).path }
        let before = try Data(contentsOf: URL(fileURLWithPath: old))
        let resumed = CLI.run(["batch", manifest, "--output", old, "--resume", "--quiet"])
        XCTAssertEqual(resumed.status, 2, resumed.err)
        let copy = elsewhere.appendingPathComponent("nets/tiny.yaml").path
        XCTAssertTrue(resumed.err.contains("old.jsonl:1: network: scenario \"base\" was run on \(copy), but the manifest gives nets/tiny.yaml"),
                      resumed.err)
        XCTAssertTrue(resumed.err.contains("old.jsonl:2: network: scenario \"broken\""), resumed.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: old)), before, "nothing changed, nothing run")
    }

    /// An old output whose absolute paths name nothing any more (the checkout moved): its records are
    /// matched by id, as before relative paths, and kept as written; the rest runs.
    func testOldAbsolutePathsThatNameNothingMatchById() throws {
        let fresh = CLI.run(["batch", manifest, "--quiet", "--no-timing"])
        let moved = directory.url.appendingPathComponent("moved-away").path
        let old = try oldOutput(fresh.stdout, count: 3) { moved + "/" + $0 }
        let oldLines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: old)), as: UTF8.self)
            .split(separator: "\n").prefix(3)
        let resumed = CLI.run(["batch", manifest, "--output", old, "--resume", "--no-timing"])
        XCTAssertEqual(resumed.status, 1, "all/broken runs again and fails: \(resumed.err)")
        XCTAssertTrue(resumed.err.contains("batch: 5 scenarios run, 1 failed"), "the three old records are done: \(resumed.err)")
        let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: old)), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(Array(lines.prefix(3)), Array(oldLines), "old records kept as written")
        XCTAssertEqual(Array(lines.dropFirst(3)), Array(fresh.out.split(separator: "\n").dropFirst(3)),
                       "the rest as a fresh run writes it")
    }
}
