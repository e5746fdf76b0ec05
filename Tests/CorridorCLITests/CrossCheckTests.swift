import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// Corridor's optimum must equal the optimum of an independent model of contract §2:
/// `Tests/crosscheck/crosscheck.py` (Python, scipy/HiGHS), written from the contract text and
/// sharing no code with Corridor. Checked on every dataset and on seeded random networks that mix
/// every feature of the format. Skipped when python3 with numpy, scipy and PyYAML is missing.
final class CrossCheckTests: XCTestCase {
    /// Longest a single python3 run may take (the datasets solve in about a second).
    private static let timeout: TimeInterval = 120

    private static var script: String {
        Fixtures.repositoryRoot.appendingPathComponent("Tests/crosscheck/crosscheck.py").path
    }

    /// What `crosscheck.py FILE` prints.
    private struct Independent: Decodable {
        var objective: Double?
        var status: String
        var columns: Int
        var rows: Int
    }

    override func setUpWithError() throws {
        let probe = try Self.run(["python3", "-c", "import numpy, scipy, yaml"])
        guard probe?.status == 0 else {
            throw XCTSkip("python3 with numpy, scipy and PyYAML is not available")
        }
    }

    func testDatasetsHaveTheIndependentOptimum() throws {
        let files = Fixtures.datasetFiles
        XCTAssertFalse(files.isEmpty, "no datasets found")
        for file in files {
            try assertSameOptimum(file, context: file)
        }
    }

    func testRandomNetworksHaveTheIndependentOptimum() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-crosscheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        for seed in 101...120 {
            var generator = RandomNetworks(seed: UInt64(seed))
            let yaml = generator.yaml()
            let file = directory.appendingPathComponent("random-\(seed).yaml").path
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            try assertSameOptimum(file, context: "seed \(seed):\n\(yaml)")
        }
    }

    // MARK: - Helpers

    private func assertSameOptimum(_ file: String, context: String,
                                   line: UInt = #line) throws {
        let corridor = try Planner.plan(NetworkDecoder.load(path: file)).plan.objective
        guard let result = try Self.run(["python3", Self.script, file]) else {
            XCTFail("crosscheck.py did not finish within \(Self.timeout) s — \(context)", line: line)
            return
        }
        guard result.status == 0,
              let independent = try? JSONDecoder().decode(Independent.self, from: Data(result.stdout.utf8)),
              independent.status == "optimal", let objective = independent.objective
        else {
            XCTFail("crosscheck.py failed (exit \(result.status)):\n\(result.stdout)\(result.stderr)\n— \(context)",
                    line: line)
            return
        }
        XCTAssertEqual(corridor, objective, accuracy: 1e-6 * max(1, abs(objective)),
                       "Corridor \(corridor) vs independent \(objective) — \(context)", line: line)
    }

    /// Runs `/usr/bin/env ARGUMENTS` from the repository root with output captured in files (no
    /// pipe can fill up). Returns nil, after terminating the process, if it outlives the timeout.
    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String)? {
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("crosscheck-\(UUID().uuidString).out")
        let errURL = directory.appendingPathComponent("crosscheck-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            return nil
        }
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, stdout, stderr)
    }
}
