import Foundation
import XCTest
@testable import CorridorLP

/// GLPK 5 keeps a separate environment per thread; problems on different threads must
/// not interfere.
final class ThreadingTests: XCTestCase {
    /// Eight threads each build, solve, warm re-solve and free their own problem at once.
    func testIndependentProblemsOnConcurrentThreads() {
        let lp = Fixtures.transportation(sources: 12, sinks: 15)   // Sendable: shared freely
        let reference = referenceObjective(lp)
        let results = ResultBox(count: 8)
        let done = DispatchGroup()
        for worker in 0..<8 {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                do {
                    let problem = try GLPKProblem(lp)
                    guard problem.solve() == .optimal else { return }
                    try problem.setColumnBounds(0, lower: 0, upper: 0)
                    try problem.setColumnBounds(0, lower: 0, upper: .infinity)
                    guard problem.resolveWarm() == .optimal else { return }
                    results.set(worker, problem.objectiveValue)
                } catch {
                    return
                }
            }
            thread.start()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        for worker in 0..<8 {
            let value = results.get(worker)
            XCTAssertNotNil(value, "worker \(worker)")
            XCTAssertEqual(value ?? .nan, reference, accuracy: 1e-7, "worker \(worker)")
        }
    }

    private func referenceObjective(_ lp: LinearProgram) -> Double {
        guard let problem = try? GLPKProblem(lp), problem.solve() == .optimal else { return .nan }
        return problem.objectiveValue
    }
}

/// A lock-protected array of results written by worker threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Double) { lock.withLock { values[index] = value } }
    func get(_ index: Int) -> Double? { lock.withLock { values[index] } }
}
