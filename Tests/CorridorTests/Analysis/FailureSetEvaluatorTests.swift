@testable import Corridor
import CorridorTestSupport
import XCTest

/// Failure sets settled without a solve (by the baseline or by a smaller set's optimal plan) must have
/// exactly the optimum a cold solve finds; the exact worst-case search must find what brute force
/// finds; the solve budget must leave the evaluator as it was.
final class FailureSetEvaluatorTests: XCTestCase {
    /// Every element of every dataset, warm against cold: each re-solve from the baseline basis
    /// (`ResilienceEngine.evaluate`) and each outcome of the evaluator `corridor resilience` uses,
    /// settled rows included, has the cold optimum; a row settled by a smaller failure names one whose
    /// arcs are a subset of its own (or the same arcs).
    func testEverySingleFailureMatchesAColdSolve() throws {
        for file in Fixtures.datasetFiles {
            let network = try NetworkDecoder.load(path: file)
            let engine = try ResilienceEngine(network: network)
            let elements = FailureElement.all(in: network)
            let evaluator = try FailureSetEvaluator(engine: engine, jobs: 2)
            let outcomes = try XCTUnwrap(evaluator.evaluate(elements.map { [$0] }))
            let fromBaseline = try engine.evaluate(elements.map { engine.scenario(closing: [$0]) })
            var settledBySubset = 0
            for (index, (element, outcome)) in zip(elements, outcomes).enumerated() {
                let cold = engine.evaluateCold(engine.scenario(closing: [element]))
                XCTAssertEqual(fromBaseline[index].status, "optimal")
                XCTAssertEqual(fromBaseline[index].objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                               "\(file): \(element.label) from the baseline basis")
                XCTAssertEqual(outcome.metrics.objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                               "\(file): \(element.label) (\(outcome.resolution))")
                if case .samePlan(let label) = outcome.resolution {
                    settledBySubset += 1
                    let witness = try XCTUnwrap(elements.first { $0.label == label }, label)
                    XCTAssertTrue(Set(witness.arcs).isSubset(of: Set(element.arcs)), "\(label) ⊆ \(element.label)")
                }
            }
            XCTAssertEqual(evaluator.solves, outcomes.filter { $0.resolution == .solved }.count)
            if file.hasSuffix("baltic-reinforcement/network.yaml") {
                XCTAssertGreaterThan(settledBySubset, 0, "hubs settled by one of their links")
            }
        }
    }

    /// Exact worst pairs on small random networks against brute force: every pair solved cold.
    func testExactWorstPairEqualsBruteForce() throws {
        var checked = 0
        for seed in 1...6 {
            var random = RandomNetworks(seed: UInt64(seed))
            let network = try Fixtures.network(random.yaml())
            guard let engine = try? ResilienceEngine(network: network) else { continue }
            let elements = FailureElement.all(in: network)
            guard elements.count >= 2 else { continue }
            let report = try ResilienceAnalysis.worst(engine, elements: elements, k: 2, jobs: 2)
            XCTAssertEqual(report.method, "exact")
            var best = -Double.infinity
            for set in ResilienceAnalysis.combinations(elements.count, 2) {
                let cold = engine.evaluateCold(engine.scenario(closing: set.map { elements[$0] }))
                best = max(best, cold.objective)
            }
            let found = try XCTUnwrap(report.worst.first)
            XCTAssertEqual(found.metrics.objective, best, accuracy: 1e-6 * max(1, abs(best)), "seed \(seed)")
            let set = found.failed.map { label in elements.first { $0.label == label }! }
            XCTAssertEqual(engine.evaluateCold(engine.scenario(closing: set)).objective, found.metrics.objective,
                           accuracy: 1e-6 * max(1, abs(best)), "the reported set really reaches it (seed \(seed))")
            XCTAssertLessThanOrEqual(report.solved, report.evaluated)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4)
    }

    /// tiny.yaml: the border rule alone cuts everything, so in any pair containing it the other element
    /// adds nothing — and pairs where both elements matter are ranked first among equal objectives.
    func testRedundantElementsOfTheWorstSets() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        let report = try ResilienceAnalysis.worst(engine, elements: elements, k: 2)
        XCTAssertEqual(report.worst.first?.metrics.objective ?? 0, 190_000, accuracy: 1e-9)
        for candidate in report.worst where candidate.failed.contains("border NO→SE") {
            XCTAssertEqual(candidate.redundant, candidate.failed.filter { $0 != "border NO→SE" })
        }
        let redundantCounts = report.worst.map { $0.redundant?.count ?? 0 }
        XCTAssertEqual(redundantCounts, redundantCounts.sorted(), "equal objectives: fewer redundant elements first")
    }

    /// Over the solve budget: nil, nothing recorded, and the evaluator still answers afterwards.
    func testSolveLimitRollsBack() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        let evaluator = try FailureSetEvaluator(engine: engine, jobs: 1)
        XCTAssertNil(try evaluator.evaluate(elements.map { [$0] }, solveLimit: 3))
        XCTAssertEqual(evaluator.solves, 0)
        let outcomes = try XCTUnwrap(evaluator.evaluate(elements.map { [$0] }))
        XCTAssertEqual(outcomes.count, elements.count)
        XCTAssertGreaterThan(evaluator.solves, 3)
        // Asked again: everything is known, nothing is solved.
        let solves = evaluator.solves
        let again = try XCTUnwrap(evaluator.evaluate(elements.map { [$0] }, solveLimit: solves))
        XCTAssertEqual(again.map(\.metrics), outcomes.map(\.metrics))
        XCTAssertEqual(evaluator.solves, solves)
    }

    /// Random trials drawing the same set twice solve it once; settled trials match cold solves.
    func testRandomTrialsMatchColdSolves() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("earthquake-relief/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        let report = try ResilienceAnalysis.random(engine, elements: elements, sampling: .count(2), trials: 40, seed: 5)
        for trial in report.samples.prefix(15) {
            let set = trial.failed.map { label in elements.first { $0.label == label }! }
            let cold = engine.evaluateCold(engine.scenario(closing: set))
            XCTAssertEqual(trial.metrics.objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                           trial.failed.joined(separator: ", "))
            XCTAssertEqual(trial.skipped, trial.samePlanAs != nil)
        }
    }
}
