import Foundation
import XCTest
@testable import CorridorLP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GLPK must never write to standard output: silent by default, standard error when verbose.
final class OutputTests: XCTestCase {
    func testSilentByDefault() throws {
        let directory = try makeTemporaryDirectory(for: self)
        let streams = try capturingStandardStreams(in: directory) {
            let problem = try GLPKProblem(Fixtures.transportation(sources: 5, sinks: 5))
            XCTAssertEqual(problem.solve(SolveOptions(presolve: true)), .optimal)
            XCTAssertEqual(problem.solve(SolveOptions(basis: .keep)), .optimal)
            XCTAssertEqual(problem.resolveWarm(), .optimal)
            try problem.writeCPLEXLP(to: directory.appendingPathComponent("p.lp").path)
            try problem.writeFreeMPS(to: directory.appendingPathComponent("p.mps").path)
            XCTAssertThrowsError(try problem.writeCPLEXLP(to: "/nonexistent-dir/x.lp"))
        }
        XCTAssertEqual(streams.stdout, "")
        XCTAssertEqual(streams.stderr, "")
    }

    func testVerboseGoesToStandardError() throws {
        let directory = try makeTemporaryDirectory(for: self)
        let streams = try capturingStandardStreams(in: directory) {
            let problem = try GLPKProblem(Fixtures.transportation(sources: 5, sinks: 5))
            XCTAssertEqual(problem.solve(SolveOptions(presolve: true, verbose: true)), .optimal)
            XCTAssertEqual(problem.resolveWarm(verbose: true), .optimal)
        }
        XCTAssertEqual(streams.stdout, "")
        XCTAssertTrue(streams.stderr.contains("OPTIMAL"), streams.stderr)
        XCTAssertTrue(streams.stderr.contains("Preprocessing"), streams.stderr)
    }

    /// Redirects file descriptors 1 and 2 into files while `body` runs.
    private func capturingStandardStreams(
        in directory: URL, _ body: () throws -> Void
    ) throws -> (stdout: String, stderr: String) {
        let outPath = directory.appendingPathComponent("stdout.txt").path
        let errPath = directory.appendingPathComponent("stderr.txt").path
        fflush(nil)
        let savedOut = dup(STDOUT_FILENO), savedErr = dup(STDERR_FILENO)
        let outFile = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let errFile = open(errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(savedOut >= 0 && savedErr >= 0 && outFile >= 0 && errFile >= 0)
        dup2(outFile, STDOUT_FILENO)
        dup2(errFile, STDERR_FILENO)
        defer {
            fflush(nil)
            dup2(savedOut, STDOUT_FILENO)
            dup2(savedErr, STDERR_FILENO)
            for fd in [savedOut, savedErr, outFile, errFile] { close(fd) }
        }
        try body()
        fflush(nil)
        return (try String(contentsOfFile: outPath, encoding: .utf8),
                try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
