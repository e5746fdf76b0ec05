import Foundation
import XCTest

/// What the bad-input tests share: a valid network to pair with bad files, time bounds per run, and
/// the assertion of the contract for invalid input (§5).
enum BadInputFixture {
    /// The smallest valid network (`Fixtures.minimalYAML`) in flow style, one entity a line, which
    /// the tests edit by replacing text (`quantity: 10}` and the like).
    static let validNetwork = """
    periods: 5
    commodities:
      - id: c
    hubs:
      - {id: A, country: X}
      - {id: B, country: Y}
    links:
      - {id: l, from: A, to: B, transit: 1}
    movements:
      - {id: m, commodity: c, from: A, to: B, quantity: 10}
    """
}

/// Bounds on one run, for a debug build on a shared 2-core machine: several times what the
/// cases take there, and well below `CLI.defaultTimeout`, so a slow case fails with its time
/// instead of being killed as hung. Measured (debug build, 2 cores): huge models refused in
/// 0.1 s, alias bombs 0.02–1 s, endless `yes` cut off at 1 GiB in 1–3 s, 10 MB of text 0.2–2.9 s.
enum RunBound {
    static let quick: Double = 5
    static let tenMegabytes: Double = 10
    /// Reading a whole GiB before refusing it: about 3 s on an idle 2-core machine, 6 s under load.
    /// Not a speed test, a guard against reading forever (below `CLI.defaultTimeout`, 20 s).
    static let oneGibibyte: Double = 15
}

extension XCTestCase {
    /// Asserts the contract for invalid input: exit 2, no crash, no hang, nothing on standard output,
    /// and a diagnostic naming `name` (`FILE: …` or `FILE:LINE: …`) containing `message`.
    func assertInvalid(_ result: CLI.Result, naming name: String, message: String? = nil,
                       maxSeconds: Double? = nil, _ context: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.signaled, "\(context): killed by signal \(result.status)\n\(result.err)", file: file, line: line)
        XCTAssertFalse(result.timedOut, "\(context): hung", file: file, line: line)
        XCTAssertEqual(result.status, 2, "\(context): exit status; stderr:\n\(result.err.prefix(2000))", file: file, line: line)
        XCTAssertEqual(result.stdout.count, 0, "\(context): unexpected stdout:\n\(result.out.prefix(2000))", file: file, line: line)
        let first = result.err.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix(name + ":"), "\(context): stderr does not name \(name):\n\(result.err.prefix(2000))",
                      file: file, line: line)
        if let message {
            XCTAssertTrue(result.err.contains(message), "\(context): no \"\(message)\" in:\n\(result.err.prefix(2000))",
                          file: file, line: line)
        }
        XCTAssertLessThan(result.err.utf8.count, 20_000, "\(context): stderr is flooded", file: file, line: line)
        if let maxSeconds {
            precondition(maxSeconds < CLI.defaultTimeout, "\(context): a bound at the timeout is only checked by the kill")
            XCTAssertLessThan(result.seconds, maxSeconds, "\(context): took \(result.seconds) s", file: file, line: line)
        }
    }
}
