/// The four resilience analyses of `corridor resilience`, on a `ResilienceEngine`.
public enum ResilienceAnalysis {
    /// Called after each re-solve with how many are done out of how many there are.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Takes out each element in turn. Elements settled without a solve (they carry nothing in the
    /// baseline, or in the optimal plan of a smaller failure such as one of a hub's links) are marked.
    public static func single(_ engine: ResilienceEngine, elements: [FailureElement], jobs: Int = 1,
                              progress: Progress? = nil) throws -> SingleFailureReport {
        let evaluator = try FailureSetEvaluator(engine: engine, jobs: jobs)
        let outcomes = try evaluator.evaluate(elements.map { [$0] }, progress: progress)!
        let rows = zip(elements, outcomes).map { ResilienceRow(element: $0, outcome: $1, baseline: engine.baseline) }
        let ranked = rows.enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            if a.objectiveChange != b.objectiveChange { return a.objectiveChange > b.objectiveChange }
            if a.unmet != b.unmet { return a.unmet > b.unmet }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return SingleFailureReport(network: engine.network.name, baseline: engine.baseline, rows: ranked,
                                   solved: evaluator.solves, skipped: elements.count - evaluator.solves,
                                   simplexIterations: evaluator.simplexIterations)
    }

    /// Scales all capacities (or those of `elements`) by each level.
    public static func degrade(_ engine: ResilienceEngine, levels: [Double], elements: [FailureElement]?,
                               jobs: Int = 1, progress: Progress? = nil) throws -> DegradeReport {
        let scenarios = levels.map { engine.scenario(scalingCapacitiesBy: $0, of: elements) }
        let metrics = try engine.evaluate(scenarios, jobs: jobs,
                                          progress: counting(progress, total: levels.count))
        return DegradeReport(network: engine.network.name, elements: elements?.map(\.label) ?? [],
                             scaledCapacities: scenarios.first?.rowUpperBounds.count ?? 0, baseline: engine.baseline,
                             rows: zip(levels, metrics).map { DegradeReport.Row(level: $0, metrics: $1) })
    }

    /// How failures are drawn in each trial of `random`.
    public enum Sampling: Sendable {
        /// Exactly K distinct elements.
        case count(Int)
        /// Each element independently with probability P.
        case probability(Double)

        /// Refuses a count of failures larger than the elements to draw from (it cannot be drawn, and a
        /// report saying "1000 random failures per trial" of 8 elements would be false). `source`
        /// names the setting in the message.
        public func check(elements: Int, source: String = "--failures") throws(InputError) {
            if case .count(let k) = self, k > elements {
                throw InputError(file: source, message: "is \(k), but only \(elements) elements are considered")
            }
        }
    }

    /// Monte-Carlo failure sampling with a seeded generator.
    public static func random(_ engine: ResilienceEngine, elements: [FailureElement], sampling: Sampling,
                              trials: Int, seed: UInt64, jobs: Int = 1, progress: Progress? = nil) throws -> RandomFailureReport {
        try sampling.check(elements: elements.count)
        var generator = SeededGenerator(seed: seed)
        var draws: [[Int]] = []
        for _ in 0..<trials {
            switch sampling {
            case .count(let k):
                var pool = Array(elements.indices)
                var chosen: [Int] = []
                for pick in 0..<k {
                    let index = pick + generator.below(pool.count - pick)
                    pool.swapAt(pick, index)
                    chosen.append(pool[pick])
                }
                draws.append(chosen.sorted())
            case .probability(let p):
                draws.append(elements.indices.filter { _ in generator.unit() < p })
            }
        }
        let evaluator = try FailureSetEvaluator(engine: engine, jobs: jobs)
        // With more multi-element trials than elements drawn, solve each drawn element alone first:
        // a trial is then settled whenever one of its elements' optimal plans avoids the others.
        let drawn = Set(draws.flatMap { $0 }).sorted()
        let singlesFirst = draws.count(where: { $0.count > 1 }) > drawn.count
        let total = (singlesFirst ? drawn.count : 0) + draws.count
        if singlesFirst {
            _ = try evaluator.evaluate(drawn.map { [elements[$0]] }, keepBases: true,
                                       progress: part(of: progress, after: 0, sets: drawn.count, total: total))
            progress?(drawn.count, total)
        }
        let outcomes = try evaluator.evaluate(draws.map { $0.map { elements[$0] } },
                                              progress: part(of: progress, after: total - draws.count,
                                                             sets: draws.count, total: total))!
        progress?(total, total)
        let metrics = outcomes.map(\.metrics)
        let samples = draws.indices.map {
            RandomFailureReport.Trial(failed: draws[$0].map { elements[$0].label }, metrics: metrics[$0],
                                      skipped: outcomes[$0].resolution != .solved,
                                      samePlanAs: outcomes[$0].resolution.samePlanAs)
        }
        var failures: Int?, probability: Double?
        switch sampling {
        case .count(let k): failures = k
        case .probability(let p): probability = p
        }
        return RandomFailureReport(network: engine.network.name, trials: trials, seed: seed, failures: failures,
                                   probability: probability, baseline: engine.baseline,
                                   deliveredPct: PercentileBand(metrics.map(\.deliveredPct)),
                                   onTimePct: PercentileBand(metrics.map(\.onTimePct)),
                                   objective: PercentileBand(metrics.map(\.objective)),
                                   unmet: PercentileBand(metrics.map(\.unmet)), samples: samples,
                                   solved: evaluator.solves)
    }

    /// Largest number of failure sets (of all sizes up to K) the exact search enumerates.
    static let exactSearchSetLimit = 500_000

    /// The set of K elements whose joint loss raises the objective most.
    ///
    /// Exact search: every set of 1, 2, …, K elements, each size after the one below it, so that a set
    /// is settled without a solve when one of its subsets has an optimal plan avoiding the rest of it
    /// (see `FailureSetEvaluator`); only the others are re-solved. When that would take more than
    /// `exactLimit` re-solves (or enumerate more than 500,000 sets), a greedy search adds the most
    /// harmful element one at a time instead, labelled `heuristic`: a lower bound on the worst harm.
    public static func worst(_ engine: ResilienceEngine, elements: [FailureElement], k: Int, exactLimit: Int = 5000,
                             jobs: Int = 1, progress: Progress? = nil) throws -> WorstCaseReport {
        let k = max(1, min(k, elements.count))
        let evaluator = try FailureSetEvaluator(engine: engine, jobs: jobs)
        let setCount = binomial(elements.count, k)
        var evaluated = 0
        var candidates: [(set: [Int], metrics: ScenarioMetrics, redundant: [Int]?)] = []
        var enumerated = 0
        for size in 1...k {
            let (sum, overflow) = enumerated.addingReportingOverflow(binomial(elements.count, size))
            enumerated = overflow ? Int.max : sum
        }
        var exact = enumerated <= exactSearchSetLimit
        // Sets the bar has covered: where the greedy phase continues it if the exact search gives up.
        var progressed = 0
        if exact {
            var smaller: [[Int]: Double] = [:]
            for size in 1...k {
                let sets = combinations(elements.count, size)
                let levelProgress = part(of: progress, after: evaluated, sets: sets.count, total: enumerated)
                guard let outcomes = try evaluator.evaluate(sets.map { $0.map { elements[$0] } }, solveLimit: exactLimit,
                                                            keepBases: size < k, progress: levelProgress) else {
                    exact = false
                    progressed = evaluated + sets.count
                    break
                }
                evaluated += sets.count
                progress?(evaluated, enumerated)
                if size == k {
                    candidates = zip(sets, outcomes.map(\.metrics)).map { set, metrics in
                        (set, metrics, set.filter { element in
                            let without = set.filter { $0 != element }
                            let objective = without.isEmpty ? engine.baseline.objective : smaller[without] ?? -.infinity
                            return objective >= metrics.objective - 1e-9 * max(1, abs(metrics.objective))
                        })
                    }
                } else if size == k - 1 {
                    smaller = Dictionary(uniqueKeysWithValues: zip(sets, outcomes.map(\.metrics.objective)))
                }
            }
        }
        let method: String, note: String
        if exact {
            method = "exact"
            note = "every one of the \(Readable.count(setCount)) sets of \(k) elements was evaluated; \(Readable.count(evaluator.solves)) of the "
                + "\(Readable.count(evaluated)) sets of 1 to \(k) elements needed a re-solve, the others carry nothing in an optimal "
                + "plan of the baseline or of a smaller failure set, so that plan is theirs, or leave the same LP as "
                + "a set that was solved"
        } else {
            method = "heuristic"
            note = enumerated > exactSearchSetLimit
                ? "the \(Readable.count(setCount)) sets of \(k) elements are too many to search (more than \(Readable.count(exactSearchSetLimit)) sets "
                    + "of 1 to \(k) elements); "
                : "finding the worst of the \(Readable.count(setCount)) sets of \(k) elements needs more than \(Readable.count(exactLimit)) re-solves "
                    + "(--exact-limit); "
            var chosen: [Int] = []
            // One bar: the greedy rounds continue from what the exact search covered (done never goes
            // back; the total changes once, to what is left).
            let greedySets = progressed + (0..<k).reduce(0) { $0 + elements.count - $1 }
            var greedyDone = progressed
            for _ in 0..<k {
                let options = elements.indices.filter { !chosen.contains($0) }
                let roundProgress = part(of: progress, after: greedyDone, sets: options.count, total: greedySets)
                let outcomes = try evaluator.evaluate(options.map { (chosen + [$0]).map { elements[$0] } },
                                                      keepBases: true, progress: roundProgress)!
                evaluated += options.count
                greedyDone += options.count
                progress?(greedyDone, greedySets)
                let ranked = zip(options, outcomes.map(\.metrics)).sorted { (a: (Int, ScenarioMetrics), b: (Int, ScenarioMetrics)) in
                    worse(a.1, than: b.1) || (!worse(b.1, than: a.1) && a.0 < b.0)
                }
                guard let best = ranked.first else { break }
                candidates = ranked.prefix(5).map { (chosen + [$0.0], $0.1, nil) }
                chosen.append(best.0)
            }
        }
        let heuristicNote = method == "heuristic"
            ? "greedy search adds the most harmful element one at a time, so the true worst set may hurt more than this"
            : ""
        // Worst first; among equals, sets in which every element matters first.
        let ranked = candidates.sorted {
            if worse($0.metrics, than: $1.metrics) { return true }
            if worse($1.metrics, than: $0.metrics) { return false }
            let a = $0.redundant?.count ?? 0, b = $1.redundant?.count ?? 0
            return a != b ? a < b : $0.set.lexicographicallyPrecedes($1.set)
        }.prefix(5)
        return WorstCaseReport(network: engine.network.name, k: k, method: method, note: note + heuristicNote,
                               evaluated: evaluated, solved: evaluator.solves, baseline: engine.baseline,
                               worst: ranked.map {
                                   WorstCaseReport.Candidate(failed: $0.set.sorted().map { elements[$0].label }, metrics: $0.metrics,
                                                             objectiveChange: PlanNumbers.clean($0.metrics.objective - engine.baseline.objective),
                                                             redundant: $0.redundant.map { $0.map { elements[$0].label } })
                               })
    }

    /// Progress of one `FailureSetEvaluator.evaluate` call within a longer run: the call's (done, to
    /// solve) becomes a share of its `sets`, after the `after` sets before it, of `total` — so one bar
    /// covers the whole analysis instead of restarting at each call.
    private static func part(of progress: Progress?, after: Int, sets: Int, total: Int) -> Progress? {
        guard let progress else { return nil }
        return { done, pending in progress(after + (pending > 0 ? done * sets / pending : sets), total) }
    }

    private static func counting(_ progress: Progress?, total: Int) -> (@Sendable (Int) -> Void)? {
        guard let progress else { return nil }
        return { done in progress(done, total) }
    }

    /// True when `a` hurts more than `b`: higher objective, then more unmet. A failed solve (no
    /// optimum, NaN objective) hurts less than any solved set, so it never ranks first.
    private static func worse(_ a: ScenarioMetrics, than b: ScenarioMetrics) -> Bool {
        let aSolved = a.status == "optimal", bSolved = b.status == "optimal"
        if aSolved != bSolved { return aSolved }
        guard aSolved else { return false }
        if a.objective != b.objective { return a.objective > b.objective }
        return a.unmet > b.unmet
    }

    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<min(k, n - k) {
            let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
            if overflow { return Int.max }
            result = product / (i + 1)
        }
        return result
    }

    /// All k-subsets of 0..<n in lexicographic order.
    static func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        var result: [[Int]] = []
        var current = Array(0..<k)
        guard k <= n else { return [] }
        while true {
            result.append(current)
            var i = k - 1
            while i >= 0, current[i] == n - k + i { i -= 1 }
            if i < 0 { return result }
            current[i] += 1
            for j in (i + 1)..<k { current[j] = current[j - 1] + 1 }
        }
    }
}
