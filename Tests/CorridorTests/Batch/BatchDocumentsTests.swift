@testable import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// A batch reads and parses each network file once, however many scenarios name it and however they
/// spell it; each scenario still gets its own copy to override; a bad file fails every scenario that
/// names it with that scenario's usual message.
final class BatchDocumentsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nets"), withIntermediateDirectories: true)
        let tiny = try Data(contentsOf: URL(fileURLWithPath: Fixtures.dataset("tiny.yaml")))
        try tiny.write(to: folder.appendingPathComponent("nets/a.yaml"))
        try tiny.write(to: folder.appendingPathComponent("nets/b.yaml"))
        try Data("periods: 0\n".utf8).write(to: folder.appendingPathComponent("nets/broken.yaml"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The scenarios of a manifest written into the test folder.
    private func scenarios(_ text: String) throws -> [BatchScenario] {
        let file = folder.appendingPathComponent("manifest.yaml")
        try Data(text.utf8).write(to: file)
        return try BatchManifest.load(path: file.path).scenarios
    }

    /// Runs `scenarios` on two threads with `documents`; the records in order.
    private func run(_ scenarios: [BatchScenario], _ documents: BatchDocuments) -> [BatchRecord] {
        let records = Records()
        BatchRunner(jobs: 2, timing: false).run(scenarios, documents: documents) { records.append($0) }
        return records.all
    }

    private func real(_ path: String) -> String { BatchFilePath.real(path) ?? path }

    /// Documents for `scenarios` read through `DocumentReader`, with a log of every path read.
    private func counted(_ scenarios: [BatchScenario]) -> (documents: BatchDocuments, reads: ReadLog) {
        let reads = ReadLog()
        let documents = BatchDocuments(scenarios: scenarios) { path, label throws(InputError) in
            reads.append(path)
            return try DocumentReader.read(path: path, as: label)
        }
        return (documents, reads)
    }

    func testASweepParsesItsNetworkOnce() throws {
        let factors = (1...40).map { Double($0) / 10 }
        let sweep = try scenarios("""
        base: nets/a.yaml
        scenarios:
          - id: demand
            sweep: {kind: scale_quantities, values: [\(factors.map { "\($0)" }.joined(separator: ", "))]}
        """)
        XCTAssertEqual(sweep.count, 40)
        let (documents, reads) = counted(sweep)
        let records = run(sweep, documents)
        XCTAssertEqual(reads.paths.map(real), [real(folder.appendingPathComponent("nets/a.yaml").path)],
                       "one read for forty scenarios")
        XCTAssertEqual(records.map(\.id), sweep.map(\.id))
        XCTAssertEqual(records.map(\.status), Array(repeating: "optimal", count: 40), "\(records.compactMap(\.error))")
        // Each scenario scaled its own copy of tiny's 190 units: nothing compounded or leaked between them.
        for (record, factor) in zip(records, factors) {
            XCTAssertEqual(try XCTUnwrap(record.quantity), 190 * factor, accuracy: 1e-9, record.id)
        }
    }

    func testTwoFilesAreEachParsedOnce() throws {
        let scenarioList = try scenarios("""
        base: nets/a.yaml
        scenarios:
          - id: a
            sweep: {kind: shift_due, values: [0, 1, 2]}
          - id: b
            network: nets/b.yaml
            sweep: {kind: horizon, values: [3, 10, 20]}
          - id: a-again
            network: ./nets/../nets/a.yaml
          - id: a-absolute
            network: \(folder.appendingPathComponent("nets/a.yaml").path)
          - id: b-scaled
            network: nets/b.yaml
            overrides: [{kind: scale_quantities, value: 2}]
          - id: both
            glob: nets/[ab].yaml
        """)
        XCTAssertEqual(scenarioList.count, 11)
        let (documents, reads) = counted(scenarioList)
        let records = run(scenarioList, documents)
        let read = reads.paths.map(real)
        XCTAssertEqual(read.count, 2, "\(read)")
        XCTAssertEqual(Set(read), Set(["a", "b"].map { real(folder.appendingPathComponent("nets/\($0).yaml").path) }))
        XCTAssertEqual(records.map(\.status), Array(repeating: "optimal", count: 11), "\(records.compactMap(\.error))")
        // The same results as scenarios that each read their file themselves.
        for (scenario, record) in zip(scenarioList, records) {
            let alone = BatchScenarioRunner.run(scenario, options: PlanningOptions(), timing: false).0
            XCTAssertEqual(record, alone, scenario.id)
        }
        XCTAssertEqual(records.first { $0.id == "b-scaled" }?.quantity, 380)
        // Each horizon applied to its own copy of b's document (tiny over 20 periods has 134 columns).
        let columns = records.filter { $0.id.hasPrefix("b/horizon=") }.compactMap(\.lp?.columns)
        XCTAssertEqual(columns.count, 3)
        XCTAssertEqual(columns.last, 134)
        XCTAssertEqual(columns, columns.sorted())
        XCTAssertEqual(Set(columns).count, 3, "\(columns)")
    }

    func testABadFileFailsEachScenarioNamingItAsThatScenarioDoes() throws {
        let broken = folder.appendingPathComponent("nets/broken.yaml").path
        let scenarioList = try scenarios("""
        scenarios:
          - id: relative
            network: nets/broken.yaml
          - id: absolute
            network: \(broken)
          - id: swept
            network: nets/broken.yaml
            sweep: {kind: scale_quantities, values: [1, 2]}
          - id: missing
            network: nets/missing.yaml
          - id: missing-again
            network: \(folder.appendingPathComponent("nets/missing.yaml").path)
        """)
        let (documents, reads) = counted(scenarioList)
        let records = run(scenarioList, documents)
        XCTAssertEqual(reads.paths.count, 2, "broken.yaml and missing.yaml, once each")
        XCTAssertEqual(records.map(\.status), Array(repeating: "error", count: 6))
        for (scenario, record) in zip(scenarioList, records) {
            let alone = BatchScenarioRunner.run(scenario, options: PlanningOptions(), timing: false).0
            XCTAssertEqual(record, alone, scenario.id)
            XCTAssertTrue(record.error?.hasPrefix(scenario.networkLabel + ":") ?? false, "\(record.error ?? "")")
        }
        XCTAssertEqual(records[1].error?.hasPrefix(broken + ":1: periods: must be between 1 and 1000000, found 0"), true,
                       records[1].error ?? "")
        XCTAssertEqual(records[4].error, "nets/missing.yaml: no such file")
        XCTAssertEqual(records[5].error, folder.appendingPathComponent("nets/missing.yaml").path + ": no such file")
    }

    /// Jobs solve side by side, so each gets its share of the memory one run may take (§4.12): with
    /// room for one tiny model, two jobs refuse both scenarios with the size message, one job plans both.
    func testJobsShareTheMemoryLimit() throws {
        let scenarioList = try scenarios("""
        base: nets/a.yaml
        scenarios:
          - id: first
          - id: second
        """)
        let network = try NetworkDecoder.load(path: folder.appendingPathComponent("nets/a.yaml").path)
        var planning = PlanningOptions()
        planning.memoryLimit = SizeEstimate.peakBytes(of: try Formulation.build(network).program) * 3 / 2
        for jobs in [1, 2] {
            let records = Records()
            BatchRunner(jobs: jobs, planning: planning, timing: false).run(scenarioList) { records.append($0) }
            XCTAssertEqual(records.all.map(\.id), ["first", "second"])
            if jobs == 1 {
                XCTAssertEqual(records.all.map(\.status), ["optimal", "optimal"])
            } else {
                XCTAssertEqual(records.all.map(\.status), ["error", "error"])
                for record in records.all {
                    XCTAssertTrue(record.error?.contains("nets/a.yaml: the LP is too large: ") ?? false, record.error ?? "")
                }
            }
        }
    }
}

/// Records handed over by `BatchRunner`'s emitter (one thread at a time, but not the test's).
private final class Records: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [BatchRecord] = []

    func append(_ record: BatchRecord) {
        lock.lock()
        records.append(record)
        lock.unlock()
    }

    var all: [BatchRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }
}

/// Paths read by a loader on several threads.
private final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var read: [String] = []

    func append(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        read.append(path)
    }

    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return read
    }
}
