@testable import Corridor
import CorridorTestSupport
import XCTest

/// The pool runs every task exactly once, on workers that keep their GLPK problems between runs.
final class WorkerPoolTests: XCTestCase {
    func testEveryTaskRunsOnceAcrossSeveralRuns() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        try WorkerPool.withPool(engine, size: 3) { pool in
            for round in 0..<3 {
                let results = ResultStore<Double>(count: elements.count)
                let calls = ResultStore<Int>(count: 1)
                pool.run(elements.count) { worker, index in
                    let outcome = worker.solve(engine.scenario(closing: [elements[index]]))
                    _ = results.set(index, outcome.objective)
                    _ = calls.set(0, 0)
                }
                XCTAssertEqual(calls.set(0, 0), elements.count + 1, "one call per task")
                for (index, element) in elements.enumerated() {
                    let cold = engine.evaluateCold(engine.scenario(closing: [element]))
                    XCTAssertEqual(results.values[index] ?? .nan, cold.objective, accuracy: 1e-6, "round \(round)")
                }
            }
            pool.run(0) { _, _ in XCTFail("no task to run") }
        }
    }

    func testAWorkerThatCannotStartStopsThePool() throws {
        struct Refused: Error {}
        XCTAssertThrowsError(try WorkerPool(size: 2) { throw Refused() })
    }

    func testWorkersStartFromTheBaselineWithoutIterations() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let worker = try ResilienceWorker(formulation: engine.formulation, options: engine.options,
                                          baselineBasis: engine.baselineBasis)
        XCTAssertEqual(worker.baselineObjective, engine.baseline.objective, accuracy: 1e-9 * engine.baseline.objective)
        XCTAssertEqual(worker.startIterations, 0)
        XCTAssertEqual(worker.baselineBasis, engine.baselineBasis)
        let outcome = worker.solve(ResilienceScenario())
        XCTAssertEqual(outcome.iterations, 0)
        XCTAssertEqual(outcome.objective, engine.baseline.objective, accuracy: 1e-9 * engine.baseline.objective)
    }

    /// A re-solve does not depend on what the worker solved before: the same start basis and scenario
    /// take the same pivots on a worker that has just solved the failure that basis came from (GLPK
    /// would otherwise carry that solve's updated factorization over) and on a fresh one.
    func testAReSolveDoesNotDependOnTheWorkersHistory() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        func element(_ label: String) throws -> FailureElement { try XCTUnwrap(elements.first { $0.label == label }, label) }
        // Pairs whose first leaves a relaxation of the second's LP: its optimal basis is a dual feasible start.
        let pairs = [("link mck-ses-transfer LTMCK→LTSES", "link bia-mck-rail PLBIA→LTMCK"),
                     ("link swk-kun-road PLSWK→LTKUN", "hub LTKUN"),
                     ("link haj-ffo-road DEHAJ→DEFFO", "hub DEHAJ")]
        for (smaller, larger) in pairs {
            let first = engine.scenario(closing: [try element(smaller)])
            let second = engine.scenario(closing: [try element(larger)])
            XCTAssertTrue(Set(first.fixedColumns).isStrictSubset(of: Set(second.fixedColumns)))
            let used = try ResilienceWorker(formulation: engine.formulation, options: engine.options,
                                            baselineBasis: engine.baselineBasis)
            let start = try XCTUnwrap(used.solve(first, keepBasis: true).basis)
            let afterIt = used.solve(second, from: start)
            let fresh = try ResilienceWorker(formulation: engine.formulation, options: engine.options,
                                             baselineBasis: engine.baselineBasis)
            let alone = fresh.solve(second, from: start)
            XCTAssertEqual(afterIt.status, .optimal)
            XCTAssertEqual(afterIt.iterations, alone.iterations, "\(larger) after \(smaller)")
            XCTAssertEqual(afterIt.values, alone.values, "\(larger) after \(smaller)")
        }
    }
}
