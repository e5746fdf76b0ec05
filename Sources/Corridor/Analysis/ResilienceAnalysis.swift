/// The four resilience analyses of `corridor resilience`, on a `ResilienceEngine`.
public enum ResilienceAnalysis {
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Takes out each element in turn. Elements that carry nothing in the baseline are not solved.
    public static func single(_ engine: ResilienceEngine, elements: [FailureElement], jobs: Int = 1,
                              progress: Progress? = nil) throws -> SingleFailureReport {
        let skip = elements.map { engine.carriesNothing([$0]) }
        let toSolve = elements.indices.filter { !skip[$0] }
        let total = toSolve.count
        let solved = try engine.evaluate(toSolve.map { engine.scenario(closing: [elements[$0]]) }, jobs: jobs,
                                         progress: counting(progress, total: total))
        var metrics = Array(repeating: engine.baseline, count: elements.count)
        for (position, index) in toSolve.enumerated() { metrics[index] = solved[position] }
        let rows = elements.indices.map {
            ResilienceRow(element: elements[$0], metrics: metrics[$0], baseline: engine.baseline, skipped: skip[$0])
        }
        let ranked = rows.enumerated().sorted { lhs, rhs in
            let a = lhs.element, b = rhs.element
            if a.objectiveChange != b.objectiveChange { return a.objectiveChange > b.objectiveChange }
            if a.unmet != b.unmet { return a.unmet > b.unmet }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return SingleFailureReport(network: engine.network.name, baseline: engine.baseline, rows: ranked,
                                   solved: total, skipped: elements.count - total)
    }

    /// Scales all capacities (or those of `elements`) by each level.
    public static func degrade(_ engine: ResilienceEngine, levels: [Double], elements: [FailureElement]?,
                               jobs: Int = 1, progress: Progress? = nil) throws -> DegradeReport {
        let scenarios = levels.map { engine.scenario(scalingCapacitiesBy: $0, of: elements) }
        let metrics = try engine.evaluate(scenarios, jobs: jobs,
                                          progress: counting(progress, total: levels.count))
        return DegradeReport(network: engine.network.name, elements: elements?.map(\.label) ?? [],
                             baseline: engine.baseline,
                             rows: zip(levels, metrics).map { DegradeReport.Row(level: $0, metrics: $1) })
    }

    /// How failures are drawn in each trial of `random`.
    public enum Sampling: Sendable {
        /// Exactly K distinct elements.
        case count(Int)
        /// Each element independently with probability P.
        case probability(Double)
    }

    /// Monte-Carlo failure sampling with a seeded generator.
    public static func random(_ engine: ResilienceEngine, elements: [FailureElement], sampling: Sampling,
                              trials: Int, seed: UInt64, jobs: Int = 1, progress: Progress? = nil) throws -> RandomFailureReport {
        var generator = SeededGenerator(seed: seed)
        var draws: [[Int]] = []
        for _ in 0..<trials {
            switch sampling {
            case .count(let k):
                var pool = Array(elements.indices)
                var chosen: [Int] = []
                for pick in 0..<min(k, pool.count) {
                    let index = pick + generator.below(pool.count - pick)
                    pool.swapAt(pick, index)
                    chosen.append(pool[pick])
                }
                draws.append(chosen.sorted())
            case .probability(let p):
                draws.append(elements.indices.filter { _ in generator.unit() < p })
            }
        }
        let skip = draws.map { engine.carriesNothing($0.map { elements[$0] }) }
        let toSolve = draws.indices.filter { !skip[$0] }
        let solved = try engine.evaluate(toSolve.map { engine.scenario(closing: draws[$0].map { elements[$0] }) },
                                         jobs: jobs, progress: counting(progress, total: toSolve.count))
        var metrics = Array(repeating: engine.baseline, count: trials)
        for (position, index) in toSolve.enumerated() { metrics[index] = solved[position] }
        let samples = draws.indices.map {
            RandomFailureReport.Trial(failed: draws[$0].map { elements[$0].label }, metrics: metrics[$0], skipped: skip[$0])
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
                                   unmet: PercentileBand(metrics.map(\.unmet)), samples: samples)
    }

    /// The set of K elements whose joint loss raises the objective most. Exact (every K-set) when
    /// there are at most `exactLimit` sets; otherwise a greedy heuristic, labelled as such.
    public static func worst(_ engine: ResilienceEngine, elements: [FailureElement], k: Int, exactLimit: Int = 5000,
                             jobs: Int = 1, progress: Progress? = nil) throws -> WorstCaseReport {
        let k = max(1, min(k, elements.count))
        let setCount = binomial(elements.count, k)
        var evaluated = 0
        var candidates: [(set: [Int], metrics: ScenarioMetrics)] = []
        let method: String, note: String
        if setCount <= exactLimit {
            method = "exact"
            note = "every one of the \(setCount) sets of \(k) elements was evaluated"
            let sets = combinations(elements.count, k)
            let skip = sets.map { engine.carriesNothing($0.map { elements[$0] }) }
            let toSolve = sets.indices.filter { !skip[$0] }
            let solved = try engine.evaluate(toSolve.map { engine.scenario(closing: sets[$0].map { elements[$0] }) },
                                             jobs: jobs, progress: counting(progress, total: toSolve.count))
            evaluated = toSolve.count
            for (position, index) in toSolve.enumerated() { candidates.append((sets[index], solved[position])) }
            if toSolve.count < sets.count, let first = sets.indices.first(where: { skip[$0] }) {
                candidates.append((sets[first], engine.baseline))
            }
        } else {
            method = "heuristic"
            note = "\(setCount) sets are too many to evaluate (limit \(exactLimit)); greedy search adds the most "
                + "harmful element one at a time, so the true worst set may hurt more than this"
            var chosen: [Int] = []
            for step in 0..<k {
                let options = elements.indices.filter { !chosen.contains($0) }
                let scenarios = options.map { engine.scenario(closing: (chosen + [$0]).map { elements[$0] }) }
                let metrics = try engine.evaluate(scenarios, jobs: jobs,
                                                  progress: counting(progress, total: k * options.count, offset: step * options.count))
                evaluated += options.count
                let ranked = zip(options, metrics).sorted { (a: (Int, ScenarioMetrics), b: (Int, ScenarioMetrics)) in worse(a.1, than: b.1) }
                guard let best = ranked.first else { break }
                chosen.append(best.0)
                if step == k - 1 {
                    candidates = ranked.prefix(5).map { (chosen.dropLast() + [$0.0], $0.1) }
                }
            }
        }
        let ranked = candidates.sorted { worse($0.metrics, than: $1.metrics) }.prefix(5)
        return WorstCaseReport(network: engine.network.name, k: k, method: method, note: note, evaluated: evaluated,
                               baseline: engine.baseline,
                               worst: ranked.map {
                                   WorstCaseReport.Candidate(failed: $0.set.sorted().map { elements[$0].label }, metrics: $0.metrics,
                                                             objectiveChange: PlanNumbers.clean($0.metrics.objective - engine.baseline.objective))
                               })
    }

    private static func counting(_ progress: Progress?, total: Int, offset: Int = 0) -> (@Sendable (Int) -> Void)? {
        guard let progress else { return nil }
        return { done in progress(done + offset, total) }
    }

    private static func worse(_ a: ScenarioMetrics, than b: ScenarioMetrics) -> Bool {
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
