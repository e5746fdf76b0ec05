import CorridorLP
import Foundation

/// Runs what-if re-solves against one network: builds the formulation once (keeping every capacity
/// row, so degraded capacities can bind), solves the baseline, and evaluates scenarios on workers
/// that each own a GLPK problem on their own thread. Each scenario starts from the baseline basis,
/// so results do not depend on how many workers there are or which one ran it.
public struct ResilienceEngine: Sendable {
    public let network: Network
    public let formulation: Formulation
    public let options: SolveOptions
    /// The baseline's metrics and column values.
    public let baseline: ScenarioMetrics
    public let baselineValues: [Double]
    /// Flow columns of each arc.
    let arcColumns: [[Int]]

    public init(network: Network, options: SolveOptions = Planner.defaultSolverOptions, file: String = "network") throws {
        self.network = network
        var options = options
        options.presolve = false  // warm re-solves need the baseline's final basis on the loaded problem
        self.options = options
        formulation = try Formulation.build(network, file: file, keepAllCapacityRows: true)
        let worker = try ResilienceWorker(formulation: formulation, options: options)
        baselineValues = worker.baselineValues
        baseline = ScenarioMetrics.compute(network: network, formulation: formulation, values: worker.baselineValues,
                                           objective: worker.baselineObjective)
        var columns = Array(repeating: [Int](), count: network.arcs.count)
        for j in 0..<formulation.columns.kind.count where formulation.columns.kind[j] == .flow {
            columns[Int(formulation.columns.place[j])].append(j)
        }
        arcColumns = columns
    }

    /// The scenario in which `elements` have failed.
    public func scenario(closing elements: [FailureElement]) -> ResilienceScenario {
        var closed: [Int] = []
        var seen = Set<Int>()
        for element in elements {
            for arc in element.arcs where seen.insert(arc).inserted { closed += arcColumns[arc] }
        }
        return ResilienceScenario(closedColumns: closed.sorted())
    }

    /// True when none of the elements carries flow in the baseline: closing them cannot change the
    /// optimum (the baseline stays feasible and no cheaper solution appears), so no solve is needed.
    public func carriesNothing(_ elements: [FailureElement]) -> Bool {
        scenario(closing: elements).closedColumns.allSatisfy { baselineValues[$0] <= PlanNumbers.zeroTolerance }
    }

    /// Capacity rows scaled by `level` (all capacities, or only those of `elements`).
    public func scenario(scalingCapacitiesBy level: Double, of elements: [FailureElement]? = nil) -> ResilienceScenario {
        let rows = formulation.rows
        let program = formulation.program
        var selectedArcs = Set<Int>(), selectedHubs = Set<Int>(), selectedRules = Set<Int>()
        for element in elements ?? [] {
            switch element.kind {
            case .link: selectedArcs.formUnion(element.arcs)
            case .hub: if let hub = network.hubs.firstIndex(where: { $0.id == element.id }) { selectedHubs.insert(hub) }
            case .border:
                if let rule = network.borderRules.firstIndex(where: { "\($0.from)→\($0.to)" == element.id }) {
                    selectedRules.insert(rule)
                }
            }
        }
        var changes: [(row: Int, upper: Double)] = []
        for i in 0..<rows.kind.count where rows.kind[i] != .balance && program.rowUpper[i].isFinite {
            let place = Int(rows.place[i])
            if elements != nil {
                let selected: Bool
                switch rows.kind[i] {
                case .linkCapacity: selected = selectedArcs.contains(place)
                case .borderCapacity: selected = selectedRules.contains(place)
                case .storage, .handling: selected = selectedHubs.contains(place)
                case .balance: selected = false
                }
                guard selected else { continue }
            }
            changes.append((i, program.rowUpper[i] * level))
        }
        return ResilienceScenario(rowUpperBounds: changes)
    }

    /// Evaluates scenarios on `jobs` workers (each with its own GLPK problem and thread); results in
    /// input order. `progress` is called (from worker threads, serialised) after each scenario.
    public func evaluate(_ scenarios: [ResilienceScenario], jobs: Int = 1,
                         progress: (@Sendable (Int) -> Void)? = nil) throws -> [ScenarioMetrics] {
        let results = ResultStore(count: scenarios.count)
        let workers = max(1, min(jobs, scenarios.count))
        let engine = self
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let worker: ResilienceWorker
            do {
                worker = try ResilienceWorker(formulation: engine.formulation, options: engine.options)
            } catch {
                results.fail("\(error)")
                return
            }
            for index in stride(from: w, to: scenarios.count, by: workers) {
                let outcome = worker.solve(scenarios[index])
                let metrics = outcome.status == .optimal
                    ? ScenarioMetrics.compute(network: engine.network, formulation: engine.formulation,
                                              values: outcome.values, objective: outcome.objective)
                    : ScenarioMetrics.failed("\(outcome.status)")
                let done = results.set(index, metrics)
                progress?(done)
            }
        }
        if let failure = results.failure { throw PlanningError.solver(failure) }
        return results.values.map { $0! }
    }

    /// The same scenario solved cold, on a new problem built from scratch (tests, benchmarks).
    public func evaluateCold(_ scenario: ResilienceScenario) -> ScenarioMetrics {
        let outcome = ResilienceWorker.solveCold(scenario, formulation: formulation, options: options)
        return outcome.status == .optimal
            ? ScenarioMetrics.compute(network: network, formulation: formulation, values: outcome.values,
                                      objective: outcome.objective)
            : ScenarioMetrics.failed("\(outcome.status)")
    }
}

/// Results written by concurrent workers, guarded by a lock.
private final class ResultStore: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [ScenarioMetrics?]
    private(set) var failure: String?
    private var done = 0

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ metrics: ScenarioMetrics) -> Int {
        lock.lock()
        defer { lock.unlock() }
        values[index] = metrics
        done += 1
        return done
    }

    func fail(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        failure = failure ?? message
    }
}
