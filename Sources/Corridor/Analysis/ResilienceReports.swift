/// One element's failure in a single-failure sweep.
public struct ResilienceRow: Codable, Sendable, Equatable {
    public var kind: FailureElement.Kind
    public var id: String
    public var from: String?
    public var to: String?
    public var status: String
    public var objective: Double
    /// objective − baseline objective.
    public var objectiveChange: Double
    public var deliveredPct: Double
    public var onTimePct: Double
    public var unmet: Double
    public var lateUnitPeriods: Double
    /// True when no solve was made: the element carries nothing in an optimal plan of the baseline
    /// or of a smaller failure (`samePlanAs`), so that plan is optimal without it too — or another
    /// failure leaves exactly the same LP.
    public var skipped: Bool
    /// Why it was skipped: `baseline`, or the label of the smaller failure (e.g. a link of a hub)
    /// whose optimal plan already avoids this element, or of the failure with the same LP. Absent when
    /// the row was solved.
    public var samePlanAs: String?
    /// Dual simplex iterations of the row's re-solve (0 when skipped): where a sweep's time goes.
    public var simplexIterations: Int

    init(element: FailureElement, outcome: FailureSetOutcome, baseline: ScenarioMetrics) {
        let metrics = outcome.metrics
        kind = element.kind
        id = element.id
        from = element.from
        to = element.to
        status = metrics.status
        objective = metrics.objective
        objectiveChange = PlanNumbers.clean(metrics.objective - baseline.objective)
        deliveredPct = metrics.deliveredPct
        onTimePct = metrics.onTimePct
        unmet = metrics.unmet
        lateUnitPeriods = metrics.lateUnitPeriods
        skipped = outcome.resolution != .solved
        samePlanAs = outcome.resolution.samePlanAs
        simplexIterations = outcome.simplexIterations
    }

    public var label: String { FailureElement.label(kind: kind, id: id, from: from, to: to) }
}

/// `corridor resilience --mode single`: each element taken out in turn, ranked by impact.
public struct SingleFailureReport: Codable, Sendable {
    public var mode = "single"
    public var network: String
    public var baseline: ScenarioMetrics
    /// Ranked: largest objective increase first, then most unmet, then network order.
    public var rows: [ResilienceRow]
    public var solved: Int
    public var skipped: Int
    /// Dual simplex iterations of the re-solves (the same on every run with the same GLPK).
    public var simplexIterations: Int
}

/// `--mode degrade`: all (or the named) capacities scaled by each level.
public struct DegradeReport: Codable, Sendable {
    /// The network at one capacity level.
    public struct Row: Codable, Sendable {
        public var level: Double
        public var metrics: ScenarioMetrics
    }

    public var mode = "degrade"
    public var network: String
    /// The elements whose capacities were scaled; empty when all were.
    public var elements: [String]
    /// How many finite capacity limits (one per row: element, period, dimension) were scaled; 0
    /// when there is nothing to scale, and the curve is flat for that reason.
    public var scaledCapacities: Int
    public var baseline: ScenarioMetrics
    public var rows: [Row]
}

/// Percentiles of one measure over sampled trials (nearest-rank method).
public struct PercentileBand: Codable, Sendable, Equatable {
    public var p5: Double
    public var p50: Double
    public var p95: Double
    public var min: Double
    public var max: Double
    public var mean: Double

    public init(_ values: [Double]) {
        let sorted = values.filter { $0.isFinite }.sorted()
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let index = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        p5 = PlanNumbers.clean(rank(5))
        p50 = PlanNumbers.clean(rank(50))
        p95 = PlanNumbers.clean(rank(95))
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        mean = sorted.isEmpty ? .nan : PlanNumbers.clean(sorted.reduce(0, +) / Double(sorted.count))
    }
}

/// `--mode random`: Monte-Carlo failure sampling, reported as percentile bands with the sample size.
public struct RandomFailureReport: Codable, Sendable {
    /// One sampled failure set and its outcome.
    public struct Trial: Codable, Sendable {
        public var failed: [String]
        public var metrics: ScenarioMetrics
        /// No solve was made for this trial (see ``ResilienceRow/samePlanAs``).
        public var skipped: Bool
        public var samePlanAs: String?
    }

    public var mode = "random"
    public var network: String
    public var trials: Int
    public var seed: UInt64
    /// K failures per trial, or nil when each element fails with `probability`.
    public var failures: Int?
    public var probability: Double?
    public var baseline: ScenarioMetrics
    public var deliveredPct: PercentileBand
    public var onTimePct: PercentileBand
    public var objective: PercentileBand
    public var unmet: PercentileBand
    public var samples: [Trial]
    /// LP re-solves made (the other trials were settled by the baseline's or a smaller failure's
    /// optimal plan, or repeat a set already drawn).
    public var solved: Int
}

/// `--mode worst`: the set of K elements whose loss hurts most.
public struct WorstCaseReport: Codable, Sendable {
    /// A failure set and the objective it leads to.
    public struct Candidate: Codable, Sendable {
        public var failed: [String]
        public var metrics: ScenarioMetrics
        public var objectiveChange: Double
        /// Elements of the set whose loss adds nothing: without any one of them the objective is the
        /// same. Known when the search was exact (every smaller set evaluated); nil otherwise.
        public var redundant: [String]?
    }

    public var mode = "worst"
    public var network: String
    public var k: Int
    /// `exact` (every set of K elements evaluated) or `heuristic` (greedy: a lower bound on the harm).
    public var method: String
    public var note: String
    /// Failure sets evaluated (of every size the search went through), and how many of them needed
    /// an LP re-solve; the others were settled by the baseline or by a smaller set's optimal plan.
    public var evaluated: Int
    public var solved: Int
    public var baseline: ScenarioMetrics
    /// Worst first.
    public var worst: [Candidate]
}

extension FailureResolution {
    /// `baseline`, the smaller failure's label, or nil when solved.
    var samePlanAs: String? {
        switch self {
        case .solved: return nil
        case .baseline: return "baseline"
        case .samePlan(let label): return label
        }
    }
}
