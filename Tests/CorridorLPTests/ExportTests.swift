import Foundation
import XCTest
@testable import CorridorLP

/// CPLEX LP and free MPS export, checked by content and (when available) by `glpsol`.
final class ExportTests: XCTestCase {
    func testCPLEXLPFile() throws {
        let directory = try makeTemporaryDirectory(for: self)
        let path = directory.appendingPathComponent("small.lp").path
        let problem = try GLPKProblem(Fixtures.smallMax())
        try problem.writeCPLEXLP(to: path)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        for expected in ["small_max", "Maximize", "capacity:", "labour:", "x_limit:", " x", " y"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        let solution = try glpsolObjective(["--lp", path])
        XCTAssertEqual(solution.value, 11, accuracy: 1e-9)
        XCTAssertEqual(solution.sense, "MAXimum")
    }

    func testFreeMPSFile() throws {
        let directory = try makeTemporaryDirectory(for: self)
        let path = directory.appendingPathComponent("small.mps").path
        let problem = try GLPKProblem(Fixtures.smallMax())
        try problem.writeFreeMPS(to: path)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        for expected in ["NAME small_max", "ROWS", " L capacity", " L labour", " L x_limit", "\n x ", "\n y ", "ENDATA"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        // GLPK's MPS writer records no objective sense: the reader must be told `--max`.
        let solution = try glpsolObjective(["--freemps", path, "--max"])
        XCTAssertEqual(solution.value, 11, accuracy: 1e-9)
        XCTAssertEqual(solution.sense, "MAXimum")
    }

    /// The objective constant survives in MPS (as the objective row's RHS) but the CPLEX LP
    /// format has no place for it: GLPK writes it as a comment only.
    func testObjectiveConstantInExports() throws {
        let directory = try makeTemporaryDirectory(for: self)
        let lpPath = directory.appendingPathComponent("equality.lp").path
        let mpsPath = directory.appendingPathComponent("equality.mps").path
        let problem = try GLPKProblem(Fixtures.equalityMin())
        try problem.writeCPLEXLP(to: lpPath)
        try problem.writeFreeMPS(to: mpsPath)

        let lpText = try String(contentsOfFile: lpPath, encoding: .utf8)
        XCTAssertTrue(lpText.contains("constant term = 1.5"), lpText)
        XCTAssertTrue(lpText.contains("total:"))
        XCTAssertTrue(lpText.contains("balance:"))
        XCTAssertTrue(try String(contentsOfFile: mpsPath, encoding: .utf8).contains(" E balance"))

        let mps = try glpsolObjective(["--freemps", mpsPath])
        XCTAssertEqual(mps.value, 29.5, accuracy: 1e-9)
        let lp = try glpsolObjective(["--lp", lpPath])
        XCTAssertEqual(lp.value, 29.5 - 1.5, accuracy: 1e-9)
    }

    func testWriteFailuresAreErrors() throws {
        let problem = try GLPKProblem(Fixtures.smallMax())
        let missing = "/nonexistent-\(UUID().uuidString)/out.lp"
        assertThrows(.ioFailed(path: missing, reason: "No such file or directory")) { () throws(LPError) in
            try problem.writeCPLEXLP(to: missing)
        }
        assertThrows(.ioFailed(path: missing, reason: "No such file or directory")) { () throws(LPError) in
            try problem.writeFreeMPS(to: missing)
        }
        assertThrows(.invalidPath("")) { () throws(LPError) in try problem.writeCPLEXLP(to: "") }
        assertThrows(.invalidPath("a\0b")) { () throws(LPError) in try problem.writeFreeMPS(to: "a\0b") }
    }

    /// A full disk: GLPK alone reported success for a small file (its buffer fails only on close,
    /// which it does not check); the copy to the destination checks every write.
    func testFullDiskIsAnError() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let problem = try GLPKProblem(Fixtures.smallMax())
        assertThrows(.ioFailed(path: "/dev/full", reason: "No space left on device")) { () throws(LPError) in
            try problem.writeFreeMPS(to: "/dev/full")
        }
        assertThrows(.ioFailed(path: "/dev/full", reason: "No space left on device")) { () throws(LPError) in
            try problem.writeCPLEXLP(to: "/dev/full")
        }
    }

    // MARK: - glpsol

    /// Runs `glpsol ARGS -o out.txt` and reads "Objective:  name = VALUE (SENSE)" back.
    /// Skips the test when `glpsol` is not on `PATH`.
    private func glpsolObjective(_ arguments: [String]) throws -> (value: Double, sense: String) {
        guard let glpsol = Self.executableOnPath("glpsol") else {
            throw XCTSkip("glpsol is not on PATH")
        }
        let directory = try makeTemporaryDirectory(for: self)
        let output = directory.appendingPathComponent("out.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = arguments + ["-o", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "glpsol \(arguments)")

        let report = try String(contentsOfFile: output, encoding: .utf8)
        guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
              let equals = line.firstIndex(of: "="),
              let open = line.lastIndex(of: "("), let close = line.lastIndex(of: ")"),
              let value = Double(line[line.index(after: equals)..<open].trimmingCharacters(in: .whitespaces))
        else {
            XCTFail("no objective line in glpsol output:\n\(report)")
            return (.nan, "")
        }
        return (value, String(line[line.index(after: open)..<close]))
    }

    private static func executableOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
