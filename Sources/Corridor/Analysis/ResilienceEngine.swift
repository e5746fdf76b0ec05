import CorridorLP
import Foundation

/// Runs what-if re-solves against one network: builds the formulation once (keeping every capacity
/// row, so degraded capacities can bind), solves the baseline, and evaluates scenarios on workers
/// that each own a GLPK problem on their own thread. Each scenario starts from the baseline basis,
/// so results do not depend on how many workers there are or which one ran it.
public struct ResilienceEngine: Sendable {
    public let network: Network
    public let formulation: Formulation
    /// The options of the baseline solve and the re-solves: no presolve, geometric-mean scaling.
    public let options: SolveOptions
    /// The options of cold solves, as given (with presolve, by default). In both, `exactCheck` is
    /// ``needsExactCheck(_:)`` of the LP, whatever was given.
    public let coldOptions: SolveOptions

    /// LPs whose numbers spread wider than this (``LinearProgram/magnitudeSpread``) get every solve
    /// and re-solve checked in exact arithmetic, as `plan` checks every plan. The datasets stay below
    /// 1e6 (ResilienceTests), so their sweeps pay nothing for it.
    static let exactCheckSpread = 1e9

    /// Whether solves of `program` need the exact check: its numbers span more than floating-point
    /// simplex tolerances can resolve. (Checking every re-solve would cost an exact factorisation
    /// each — about 15 ms on baltic-reinforcement — and sink the sweep's speed-up.)
    static func needsExactCheck(_ program: LinearProgram) -> Bool {
        program.magnitudeSpread > exactCheckSpread
    }
    /// The baseline's metrics and column values: the optimal plan `corridor plan` finds (see `init`).
    public let baseline: ScenarioMetrics
    public let baselineValues: [Double]
    /// Row activities of `baselineValues`.
    let baselineActivities: [Double]
    /// An optimal basis of the baseline under `options`: every worker starts from it.
    public let baselineBasis: Basis
    /// Flow columns of each arc.
    let arcColumns: [[Int]]
    /// Finds the columns a failure strands (fixed at zero with the failure's own).
    let paths: FlowPathGraph

    /// `options` are those of a cold solve (`evaluateCold`). The workers' baseline basis and the
    /// re-solves use them without presolve (warm re-solves need the baseline's final basis on the
    /// loaded problem) and with geometric-mean scaling.
    ///
    /// Why that scaling: GLPK's automatic scaling leaves these matrices alone ("well scaled"), and
    /// re-solves on the geometric-mean scaled one took far fewer dual iterations on
    /// baltic-reinforcement (10.2 k → 6.6 k) and about as many elsewhere — measured, not derived;
    /// the figures and how to reproduce them are in docs/resilience.md, "How re-solves work".
    ///
    /// The baseline plan reported (and used to settle failures that carry nothing) is the one
    /// `corridor plan` finds: `plan`'s LP — this one without the capacity rows that can never bind
    /// (`droppingRowsThatCannotBind`), same columns — solved cold with `options` as given (its exact
    /// check too, on by default as in `plan`), on a
    /// thread of its own beside the workers' baseline solve. With several optimal plans, the basis
    /// the workers start from may belong to another one: the objective is the same, on-time units
    /// and lateness need not be, and a planner comparing the two reports expects the same figures.
    ///
    /// `workers` is the most workers `evaluate` will be asked for (`--jobs`): the model is refused
    /// (`InputError`, contract §4.12) when the run would not fit in memory with that many
    /// (``peakBytes(of:workers:)``).
    public init(network: Network, options: SolveOptions = Planner.defaultSolverOptions, file: String = "network",
                workers: Int = 1, memoryLimit: UInt64? = nil) throws {
        self.network = network
        formulation = try Formulation.build(network, file: file, keepAllCapacityRows: true, memoryLimit: memoryLimit)
        let limit = memoryLimit ?? SizeEstimate.defaultMemoryLimit
        let bytes = Self.peakBytes(of: formulation.program, workers: workers)
        guard bytes <= limit else {
            throw SizeEstimate.tooLarge(formulation.program, bytes: bytes, limit: limit, file: file,
                                        for: " for a resilience run on \(Readable.counted(workers, "worker"))",
                                        advice: workers > 1 ? "use fewer --jobs (each worker holds a copy of the LP), "
                                            + "shorten the horizon or split the network" : "shorten the horizon or split the network")
        }
        let planOptions = options
        var options = options
        options.exactCheck = Self.needsExactCheck(formulation.program)
        coldOptions = options
        options.presolve = false
        options.scaling = .geometricMean
        self.options = options
        // The two baseline solves run side by side: `plan`'s on a thread of its own.
        let planning = Self.startPlanBaseline(formulation.droppingRowsThatCannotBind(), options: planOptions)
        let worker: ResilienceWorker
        do {
            worker = try ResilienceWorker(formulation: formulation, options: options)
        } catch {
            _ = planning()
            throw error
        }
        let planned = planning()
        baselineBasis = worker.baselineBasis
        guard planned.status == .optimal else { throw PlanningError.notOptimal(planned.status) }
        baselineValues = planned.values
        // From the plan itself, so the baseline row shows `corridor plan`'s figures to the last digit
        // (summed per movement as the plan sums them, not per column).
        baseline = ScenarioMetrics(plan: PlanExtractor.plan(network: network, formulation: formulation,
                                                            values: planned.values, iterations: 0))
        baselineActivities = formulation.program.rowActivities(of: planned.values)
        var columns = Array(repeating: [Int](), count: network.arcs.count)
        for j in 0..<formulation.columns.kind.count where formulation.columns.kind[j] == .flow {
            columns[Int(formulation.columns.place[j])].append(j)
        }
        arcColumns = columns
        paths = FlowPathGraph(formulation: formulation, network: network)
    }

    /// The estimated peak memory of a resilience run on `workers` workers: while the baseline is
    /// solved, `plan`'s solve (`SizeEstimate.peakBytes`) beside one worker's; then the workers, each
    /// a loaded problem with its simplex working copy, at most half of `plan`'s peak (measured
    /// with `/usr/bin/time -f %M`: a worker added 22–48 % of `plan`'s peak on the four models of
    /// `SizeEstimate`, and a second worker nothing measurable, as it fits in what `plan`'s solve
    /// gave back).
    static func peakBytes(of program: LinearProgram, workers: Int) -> UInt64 {
        let plan = SizeEstimate.peakBytes(of: program)
        return max(plan + plan / 2, UInt64(max(1, workers)) * (plan / 2))
    }

    /// Starts the cold solve of `plan`'s baseline LP on a thread of its own (which releases its GLPK
    /// environment when done); the returned function, called once, waits for it and returns its
    /// outcome. `plan`'s LP has the same columns as the engine's, so its values are the engine's.
    private static func startPlanBaseline(_ planFormulation: Formulation,
                                          options: SolveOptions) -> () -> ResilienceWorker.Outcome {
        let outcome = ResultStore<ResilienceWorker.Outcome>(count: 1)
        let solved = DispatchSemaphore(value: 0)
        let thread = Thread {
            _ = outcome.set(0, ResilienceWorker.solveCold(ResilienceScenario(), formulation: planFormulation,
                                                          options: options))
            GLPKEnvironment.releaseForCurrentThread()
            solved.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        return {
            solved.wait()
            return outcome.values[0]!
        }
    }

    /// The scenario in which `elements` have failed.
    public func scenario(closing elements: [FailureElement]) -> ResilienceScenario {
        scenario(closingArcs: Self.arcs(of: elements))
    }

    /// The scenario in which the given (distinct) arcs are closed.
    func scenario(closingArcs arcs: [Int]) -> ResilienceScenario {
        let closed = arcs.flatMap { arcColumns[$0] }.sorted()
        return ResilienceScenario(closedColumns: closed, strandedColumns: paths.strandedColumns(closing: closed))
    }

    /// The distinct arcs `elements` close, sorted: what identifies a failure set's LP.
    static func arcs(of elements: [FailureElement]) -> [Int] {
        Array(Set(elements.flatMap(\.arcs))).sorted()
    }

    /// Capacity rows scaled by `level` (all capacities, or only those of `elements`).
    public func scenario(scalingCapacitiesBy level: Double, of elements: [FailureElement]? = nil) -> ResilienceScenario {
        let rows = formulation.rows
        let program = formulation.program
        var selectedArcs = Set<Int>(), selectedHubs = Set<Int>(), selectedRules = Set<Int>()
        for element in elements ?? [] {
            switch element.kind {
            case .link: selectedArcs.formUnion(element.arcs)
            case .hub: if let hub = element.hub { selectedHubs.insert(hub) }
            case .border: if let rule = element.rule { selectedRules.insert(rule) }
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

    /// Evaluates scenarios on `jobs` workers (each with its own GLPK problem and thread), each from
    /// the baseline basis; results in input order. A scenario the baseline plan survives
    /// (`keepsBaselineOptimal`) is not solved: it gets the baseline's metrics. `progress` is called
    /// after each, from the worker threads, with the number done so far.
    public func evaluate(_ scenarios: [ResilienceScenario], jobs: Int = 1,
                         progress: (@Sendable (Int) -> Void)? = nil) throws -> [ScenarioMetrics] {
        let solving = scenarios.indices.filter { !keepsBaselineOptimal(scenarios[$0]) }
        var metrics = scenarios.map { _ in baseline }
        let settled = scenarios.count - solving.count
        if settled > 0 { progress?(settled) }
        guard !solving.isEmpty else { return metrics }
        let solved = try WorkerPool.withPool(self, size: min(jobs, solving.count)) { pool in
            let results = ResultStore<ScenarioMetrics>(count: solving.count)
            let engine = self
            pool.run(solving.count) { worker, index in
                let done = results.set(index, engine.metrics(of: worker.solve(scenarios[solving[index]])))
                progress?(settled + done)
            }
            return results.values.map { $0! }
        }
        for (index, result) in zip(solving, solved) { metrics[index] = result }
        return metrics
    }

    /// True when `scenario` only tightens the LP (closes columns, lowers row bounds) and the baseline
    /// plan still satisfies it — carries nothing on the closed columns and stays within the lowered
    /// bounds (to 1e-9, relative): that plan is then optimal for the scenario too. E.g. a capacity
    /// level of 1, or one that cuts only capacity the plan does not use.
    func keepsBaselineOptimal(_ scenario: ResilienceScenario) -> Bool {
        let program = formulation.program
        return scenario.closedColumns.allSatisfy { baselineValues[$0] <= PlanNumbers.zeroTolerance }
            && scenario.rowUpperBounds.allSatisfy { row, upper in
                upper <= program.rowUpper[row]
                    && baselineActivities[row] <= upper + PlanNumbers.zeroTolerance * max(1, abs(upper))
            }
    }

    /// The metrics of a re-solve's outcome.
    func metrics(of outcome: ResilienceWorker.Outcome) -> ScenarioMetrics {
        outcome.status == .optimal
            ? ScenarioMetrics.compute(network: network, formulation: formulation, values: outcome.values,
                                      objective: outcome.objective)
            : ScenarioMetrics.failed("\(outcome.status)")
    }

    /// The simplex iterations GLPK takes for `scenarios`, without computing metrics (benchmarks): each
    /// solved cold as `evaluateCold` does, or — `warm` — each re-solved from the baseline basis on
    /// one worker created on this thread (its creation takes no iterations), as `evaluate` does but
    /// settling none. Nil when a solve is not optimal.
    public func solverIterations(_ scenarios: [ResilienceScenario], warm: Bool) throws -> Int? {
        let worker = warm ? try ResilienceWorker(formulation: formulation, options: options, baselineBasis: baselineBasis) : nil
        var iterations = 0
        for scenario in scenarios {
            let outcome = worker?.solve(scenario)
                ?? ResilienceWorker.solveCold(scenario, formulation: formulation, options: coldOptions)
            guard outcome.status == .optimal else { return nil }
            iterations += outcome.iterations
        }
        return iterations
    }

    /// The same scenario solved cold, on a new problem built from scratch with `coldOptions` (tests,
    /// benchmarks): what `corridor plan` would do with the failure's columns removed.
    public func evaluateCold(_ scenario: ResilienceScenario) -> ScenarioMetrics {
        metrics(of: ResilienceWorker.solveCold(scenario, formulation: formulation, options: coldOptions))
    }
}

/// Results written by concurrent workers, guarded by a lock.
final class ResultStore<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]
    private var done = 0

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    /// Stores the value of task `index`; returns how many tasks are done.
    func set(_ index: Int, _ value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
        done += 1
        return done
    }
}
