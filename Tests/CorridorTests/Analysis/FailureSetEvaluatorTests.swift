@testable import Corridor
import CorridorTestSupport
import XCTest

/// Failure sets settled without a solve (by the baseline or by a smaller set's optimal plan) must have
/// exactly the optimum a cold solve finds; the exact worst-case search must find what brute force
/// finds; the solve budget must leave the evaluator as it was.
final class FailureSetEvaluatorTests: XCTestCase {
    /// Every element of every dataset, warm against cold: each re-solve from the baseline basis
    /// (`ResilienceEngine.evaluate`) and each outcome of the evaluator `corridor resilience` uses,
    /// settled rows included, has the cold optimum; a row settled by another failure names one whose
    /// arcs are a subset of its own, one whose fixed columns (closed and stranded) are a strict subset
    /// of its own, or one that leaves the same LP.
    func testEverySingleFailureMatchesAColdSolve() throws {
        var sawBaltic = false
        var settledByColumnSubset: [String] = []
        for file in Fixtures.datasetFiles {
            let network = try NetworkDecoder.load(path: file)
            let engine = try ResilienceEngine(network: network)
            let elements = FailureElement.all(in: network)
            let evaluator = try FailureSetEvaluator(engine: engine, jobs: 2)
            let outcomes = try XCTUnwrap(evaluator.evaluate(elements.map { [$0] }))
            XCTAssertEqual(outcomes.count, elements.count)
            let fromBaseline = try engine.evaluate(elements.map { engine.scenario(closing: [$0]) })
            var settledBySubset = 0, sameLP = 0
            for (index, (element, outcome)) in zip(elements, outcomes).enumerated() {
                let cold = engine.evaluateCold(engine.scenario(closing: [element]))
                XCTAssertEqual(fromBaseline[index].status, "optimal")
                XCTAssertEqual(fromBaseline[index].objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                               "\(file): \(element.label) from the baseline basis")
                XCTAssertEqual(outcome.metrics.objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                               "\(file): \(element.label) (\(outcome.resolution))")
                if case .samePlan(let label) = outcome.resolution {
                    let witness = try XCTUnwrap(elements.first { $0.label == label }, label)
                    let witnessFixed = Set(engine.scenario(closing: [witness]).fixedColumns)
                    let fixed = Set(engine.scenario(closing: [element]).fixedColumns)
                    if Set(witness.arcs).isSubset(of: Set(element.arcs)) {
                        settledBySubset += 1
                    } else if witnessFixed.isStrictSubset(of: fixed) {
                        settledByColumnSubset.append("\(element.label) ← \(label)")
                    } else {
                        // Neither: then it must leave exactly the same LP.
                        XCTAssertEqual(witnessFixed, fixed, "\(label) ⊆ \(element.label) or the same LP")
                        sameLP += 1
                    }
                }
            }
            XCTAssertEqual(evaluator.solves, outcomes.filter { $0.resolution == .solved }.count)
            if file.hasSuffix("baltic-reinforcement/network.yaml") {
                XCTAssertGreaterThan(settledBySubset, 0, "hubs settled by one of their links")
                XCTAssertEqual(sameLP, 4, "hubs DEHAJ, PLWAW, PLBIA and borders DE→PL, PL→LT cut everything: one is solved")
                sawBaltic = true
            }
        }
        XCTAssertTrue(sawBaltic)
        // Closing al-rai TRKLS→SYRAI strands everything alrai-azaz SYRAI→SYAZA carries into Syria and
        // more; likewise mck-kun-sg and swk-mck-rail on suwalki-gap.
        XCTAssertEqual(settledByColumnSubset.sorted(), ["link alrai-azaz SYRAI→SYAZA ← link al-rai TRKLS→SYRAI",
                                                        "link swk-mck-rail PLSWK→LTMCK ← link mck-kun-sg LTMCK→LTKUN"])
    }

    /// Exact worst pairs on small random networks against brute force: every single and every pair
    /// the exact search evaluates (most of them settled without a solve) against a cold solve.
    func testExactWorstPairEqualsBruteForce() throws {
        var checked = 0
        for seed in 1...6 {
            var random = RandomNetworks(seed: UInt64(seed))
            let network = try Fixtures.network(random.yaml())
            guard let engine = try? ResilienceEngine(network: network) else { continue }
            let elements = FailureElement.all(in: network)
            guard elements.count >= 2 else { continue }
            let evaluator = try FailureSetEvaluator(engine: engine, jobs: 2)
            _ = try XCTUnwrap(evaluator.evaluate(elements.map { [$0] }, keepBases: true))
            let pairs = ResilienceAnalysis.combinations(elements.count, 2)
            let outcomes = try XCTUnwrap(evaluator.evaluate(pairs.map { $0.map { elements[$0] } }))
            XCTAssertEqual(outcomes.count, pairs.count)
            var best = -Double.infinity
            for (pair, outcome) in zip(pairs, outcomes) {
                let cold = engine.evaluateCold(engine.scenario(closing: pair.map { elements[$0] }))
                XCTAssertEqual(outcome.metrics.objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                               "seed \(seed): \(pair.map { elements[$0].label }) (\(outcome.resolution))")
                best = max(best, cold.objective)
            }
            let report = try ResilienceAnalysis.worst(engine, elements: elements, k: 2, jobs: 2)
            XCTAssertEqual(report.method, "exact")
            let found = try XCTUnwrap(report.worst.first)
            XCTAssertEqual(found.metrics.objective, best, accuracy: 1e-6 * max(1, abs(best)), "seed \(seed)")
            XCTAssertEqual(report.evaluated, elements.count + pairs.count)
            XCTAssertLessThanOrEqual(report.solved, report.evaluated)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4)
    }

    func testWorstDoesNotDependOnJobs() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("earthquake-relief/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        let one = try AnalysisJSON.encode(ResilienceAnalysis.worst(engine, elements: elements, k: 2, jobs: 1))
        let three = try AnalysisJSON.encode(ResilienceAnalysis.worst(engine, elements: elements, k: 2, jobs: 3))
        XCTAssertEqual(one, three)
    }

    /// tiny.yaml: the border rule alone cuts everything, so in a pair containing it the other element
    /// adds nothing; pairs in which both elements matter rank first among equal objectives.
    func testRedundantElementsOfTheWorstSets() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let engine = try ResilienceEngine(network: network)
        let report = try ResilienceAnalysis.worst(engine, elements: FailureElement.all(in: network), k: 2)
        XCTAssertEqual(report.worst.first?.metrics.objective ?? 0, 190_000, accuracy: 1e-9)
        XCTAssertEqual(report.worst.first?.redundant, [], "both roads into Sweden: each matters")
        let redundantCounts = report.worst.map { $0.redundant?.count ?? 0 }
        XCTAssertEqual(redundantCounts, redundantCounts.sorted(), "equal objectives: fewer redundant elements first")

        let three = try FailureElement.named(["NO-SE", "e10", "ofotbanen"], in: network)
            .filter { $0.kind == .border || $0.from == "NVK" }
        let small = try ResilienceAnalysis.worst(engine, elements: three, k: 2)
        let withBorder = small.worst.filter { $0.failed.contains("border NO→SE") }
        XCTAssertEqual(withBorder.count, 2)
        for candidate in withBorder {
            XCTAssertEqual(candidate.metrics.objective, 190_000, accuracy: 1e-9)
            XCTAssertEqual(candidate.redundant, candidate.failed.filter { $0 != "border NO→SE" })
        }
    }

    /// Over the solve budget: nil; the link (first wave) stays solved, the hub (second wave, not
    /// settled by the link's plan) is forgotten, and asking again solves only the hub.
    func testSolveLimitKeepsEarlierWaves() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let named = try FailureElement.named(["link:swk-kun-road", "hub:LTKUN"], in: network)
        let link = try XCTUnwrap(named.first { $0.label == "link swk-kun-road PLSWK→LTKUN" })
        let hub = try XCTUnwrap(named.first { $0.kind == .hub })
        let evaluator = try FailureSetEvaluator(engine: engine, jobs: 1)
        XCTAssertNil(try evaluator.evaluate([[link], [hub]], solveLimit: 1))
        XCTAssertEqual(evaluator.solves, 1)
        let linkAgain = try XCTUnwrap(evaluator.evaluate([[link]], solveLimit: 1))
        XCTAssertEqual(linkAgain[0].resolution, .solved)
        XCTAssertEqual(evaluator.solves, 1, "known: not solved again")
        let both = try XCTUnwrap(evaluator.evaluate([[link], [hub]], solveLimit: 2))
        XCTAssertEqual(evaluator.solves, 2)
        XCTAssertEqual(both[1].resolution, .solved)
        XCTAssertEqual(both[1].metrics.objective, engine.evaluateCold(engine.scenario(closing: [hub])).objective,
                       accuracy: 1e-6 * engine.baseline.objective)
        // The same set asked for twice in one call is solved once.
        let fresh = try FailureSetEvaluator(engine: engine, jobs: 2)
        _ = try XCTUnwrap(fresh.evaluate([[hub], [hub]]))
        XCTAssertEqual(fresh.solves, 1)
    }

    /// Random trials, settled ones included, match cold solves.
    func testRandomTrialsMatchColdSolves() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("earthquake-relief/network.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        let report = try ResilienceAnalysis.random(engine, elements: elements, sampling: .count(2), trials: 40, seed: 5)
        XCTAssertEqual(report.samples.count, 40)
        for trial in report.samples.prefix(15) {
            let set = trial.failed.map { label in elements.first { $0.label == label }! }
            let cold = engine.evaluateCold(engine.scenario(closing: set))
            XCTAssertEqual(trial.metrics.objective, cold.objective, accuracy: 1e-6 * max(1, abs(cold.objective)),
                           trial.failed.joined(separator: ", "))
        }
        // More failures per trial than elements: refused, not silently drawn as fewer.
        let two = Array(elements.prefix(2))
        XCTAssertThrowsError(try ResilienceAnalysis.random(engine, elements: two, sampling: .count(3), trials: 1, seed: 5)) {
            XCTAssertEqual("\($0)", "--failures: is 3, but only 2 elements are considered")
        }
        XCTAssertNoThrow(try ResilienceAnalysis.Sampling.count(2).check(elements: 2))
        XCTAssertNoThrow(try ResilienceAnalysis.Sampling.probability(0.5).check(elements: 0))
    }
}
