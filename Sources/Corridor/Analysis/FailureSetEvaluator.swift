import CorridorLP

/// How the result of one failure set was obtained.
public enum FailureResolution: Sendable, Equatable {
    /// A re-solve of the LP.
    case solved
    /// The set carries nothing in the baseline, so the baseline plan is optimal for it.
    case baseline
    /// A smaller failure set (named by its label) has an optimal plan that carries nothing on the
    /// rest of this set, or a set leaving the same LP was solved (closing the same arcs, or different
    /// arcs that strand the same columns — e.g. two hubs that each cut every movement off): that plan
    /// is optimal here too.
    case samePlan(as: String)
}

/// The result of one failure set: its metrics and how they were obtained.
public struct FailureSetOutcome: Sendable {
    public var metrics: ScenarioMetrics
    public var resolution: FailureResolution
    /// Dual simplex iterations of this set's re-solve; 0 when it was settled without one.
    public var simplexIterations: Int
}

/// Evaluates failure sets — elements closed together — with as few LP re-solves as exactness allows,
/// on a pool of workers that lives as long as the evaluator. Progress is reported as (done, total)
/// for each call, from the worker threads, not necessarily in order.
///
/// The rule that saves solves: closing more can only raise the optimum (the LP only loses columns).
/// So if a set S ⊆ T has an optimal plan that carries nothing on the arcs T closes, that plan is
/// feasible for T and no plan of T can be cheaper: it is optimal for T, and no solve is needed.
/// S = ∅ (the baseline) is the rule "an element that carries nothing cannot change the optimum";
/// S = the busiest link of a hub often settles the hub. For single failures "S ⊆ T" is also read on
/// the LP: S's fixed columns (closed and stranded) a strict subset of T's, although T does not
/// close S's arcs. Sets are processed in waves — a set only after its subsets (the single elements
/// whose arcs it contains, single failures whose fixed columns its own contain, and sets made of
/// some of its elements) — and within a wave the solves run in parallel; every choice (which subset
/// settles a set, which subset's optimal basis a solve starts from) depends only on the input order,
/// so results do not depend on the number of workers.
///
/// Sets whose LPs coincide once the columns they strand are fixed too (`FlowPathGraph`) are solved
/// once: the first one evaluated (by wave, then input order) is solved, the others share its plan.
///
/// A set that must be solved starts from the optimal basis of its worst solved subset, when one was
/// kept: that basis is still dual feasible (the superset only fixes more columns at zero), and
/// nearer the new optimum than the baseline's.
final class FailureSetEvaluator {
    private struct Record {
        var key: [Int]
        var label: String
        var metrics: ScenarioMetrics
        var resolution: FailureResolution
        /// Bit per arc: carries flow in this record's plan.
        var flowArcs: [UInt64]
        var basis: BasisDelta?
        /// The columns its LP fixes at zero, for single failures (column-level subsets).
        var fixed: [Int]?
        /// Simplex iterations of its re-solve (0 until solved; settled records keep 0).
        var iterations = 0
    }

    let engine: ResilienceEngine
    /// Started at the first solve, with no more workers than that first wave has solves.
    private var pool: WorkerPool?
    private let jobs: Int
    private var records: [Record] = []
    private var index: [[Int]: Int] = [:]
    /// Solved records by the columns their LP fixes (closed and stranded): two failures that close
    /// different arcs but leave the same LP (everything cut off either way) share one solve.
    private var lpIndex: [[Int]: Int] = [:]
    /// Arc → records (not settled by the baseline) that close it.
    private var byArc: [[Int]]
    private let baselineFlow: [UInt64]
    /// Re-solves made so far, and their simplex iterations.
    private(set) var solves = 0
    private(set) var simplexIterations = 0

    init(engine: ResilienceEngine, jobs: Int) throws {
        self.engine = engine
        self.jobs = max(1, jobs)
        byArc = Array(repeating: [], count: engine.network.arcs.count)
        baselineFlow = Self.flowArcs(engine.baselineValues, engine: engine)
    }

    deinit { pool?.shutdown() }

    /// Outcomes of `sets` in input order, or nil when more than `solveLimit` re-solves (in total,
    /// counting earlier calls) would be needed. The limit is checked before each wave is solved;
    /// when a wave would exceed it, the sets of earlier waves stay evaluated (later calls reuse
    /// them) and the others are forgotten. `keepBases` keeps the optimal bases of this call's solves
    /// as starts for later calls' supersets.
    func evaluate(_ sets: [[FailureElement]], solveLimit: Int? = nil, keepBases: Bool = false,
                  progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [FailureSetOutcome]? {
        var recordOf: [Int] = []
        var pending: [Int] = []
        var members: [Int: [FailureElement]] = [:]
        for set in sets {
            let key = ResilienceEngine.arcs(of: set)
            if let known = index[key] {
                recordOf.append(known)
                continue
            }
            let settled = key.allSatisfy { !Self.contains(baselineFlow, $0) }
            let record = Record(key: key, label: set.map(\.label).joined(separator: ", "),
                                metrics: settled ? engine.baseline : .failed("not evaluated"),
                                resolution: settled ? .baseline : .solved, flowArcs: baselineFlow, basis: nil)
            index[key] = records.count
            recordOf.append(records.count)
            if !settled {
                pending.append(records.count)
                members[records.count] = set
                if set.count == 1 { for arc in key { byArc[arc].append(records.count) } }
            }
            records.append(record)
        }

        // Subsets of each pending set among the records: single elements whose arcs it contains (a
        // hub's links), the sets made of some of its elements (all of them up to 12 elements, else
        // those without one element), and for a single failure the single failures whose fixed
        // columns (closed and stranded) are a strict subset of its own, although it does not close
        // their arcs — e.g. a transfer that only one rail link feeds. Its LP is theirs with more
        // columns fixed at zero, so the same rules hold.
        var scenarios: [Int: ResilienceScenario] = [:]
        for r in pending where members[r]!.count == 1 {
            let scenario = engine.scenario(closingArcs: records[r].key)
            scenarios[r] = scenario
            records[r].fixed = scenario.fixedColumns
        }
        var byFirstFixed: [Int: [Int]] = [:]
        for (p, record) in records.enumerated() where record.resolution != .baseline {
            if let first = record.fixed?.first { byFirstFixed[first, default: []].append(p) }
        }
        var parents: [Int: [Int]] = [:]
        var isParent = Set<Int>()
        for r in pending {
            let key = records[r].key, set = members[r]!
            var candidates = Set<Int>()
            for arc in key { candidates.formUnion(byArc[arc]) }
            var columnSubsets: [Int] = []
            if let fixed = records[r].fixed {
                for column in fixed {
                    columnSubsets += (byFirstFixed[column] ?? []).filter { p in
                        let smaller = records[p].fixed!
                        return p != r && smaller.count < fixed.count && Self.isSubset(smaller, of: fixed)
                    }
                }
            }
            if set.count > 1 {
                let parts: [[Int]] = set.count <= 12
                    ? (1..<(1 << set.count) - 1).map { mask in set.indices.filter { mask & (1 << $0) != 0 } }
                    : set.indices.map { drop in set.indices.filter { $0 != drop } }
                for part in parts {
                    if let p = index[ResilienceEngine.arcs(of: part.map { set[$0] })] { candidates.insert(p) }
                }
            }
            let subsets = candidates.filter { p in
                p != r && records[p].resolution != .baseline && records[p].key.count < key.count
                    && Self.isSubset(records[p].key, of: key)
            }.union(columnSubsets).sorted()
            parents[r] = subsets
            isParent.formUnion(subsets)
        }
        // Each pending set's wave: after its pending subsets (the relation is acyclic: every step
        // strictly shrinks the arcs or the fixed columns).
        var wave: [Int: Int] = [:]
        let isPending = Set(pending)
        func waveOf(_ r: Int) -> Int {
            if let known = wave[r] { return known }
            let level = parents[r]!.filter(isPending.contains).map { waveOf($0) + 1 }.max() ?? 0
            wave[r] = level
            return level
        }
        for r in pending { _ = waveOf(r) }

        let total = pending.count
        var done = 0
        let waves = Dictionary(grouping: pending) { wave[$0]! }
        for level in waves.keys.sorted() {
            var toSolve: [(record: Int, start: BasisDelta?)] = []
            for r in waves[level]! {
                let subsets = parents[r]!.filter { records[$0].metrics.status == "optimal" }
                if let witness = subsets.first(where: { p in
                    records[r].key.allSatisfy { !Self.contains(records[p].flowArcs, $0) }
                }) {
                    settle(r, by: witness)
                    done += 1
                    progress?(done, total)
                    continue
                }
                let start = subsets.filter { records[$0].basis != nil }
                    .max { (records[$0].metrics.objective, -$0) < (records[$1].metrics.objective, -$1) }
                toSolve.append((r, start.flatMap { records[$0].basis }))
            }
            // Failures whose LP is one already solved (or to be solved earlier in this wave) copy it.
            // The limit is checked as the wave's solves are counted, before more scenarios are built.
            var solving: [(record: Int, start: BasisDelta?, scenario: ResilienceScenario)] = []
            var copies: [(record: Int, of: Int)] = []
            for (r, start) in toSolve {
                let scenario = scenarios[r] ?? engine.scenario(closingArcs: records[r].key)
                let fixed = records[r].fixed ?? scenario.fixedColumns
                if let twin = lpIndex[fixed] {
                    copies.append((r, twin))
                    continue
                }
                if let solveLimit, solves + solving.count + 1 > solveLimit {
                    forget(pending.filter { wave[$0]! >= level })
                    return nil
                }
                lpIndex[fixed] = r
                solving.append((r, start, scenario))
            }
            try solve(solving, keep: { keepBases || isParent.contains($0) }, done: done, total: total, progress: progress)
            done += solving.count
            for (r, twin) in copies {
                settle(r, by: twin)
                done += 1
                progress?(done, total)
            }
        }
        return zip(sets, recordOf).map { set, r in
            // A different failure closing exactly the same arcs (a border crossed by one link) is the same LP.
            let label = set.map(\.label).joined(separator: ", ")
            let resolution = records[r].resolution == .solved && records[r].label != label
                ? .samePlan(as: records[r].label) : records[r].resolution
            return FailureSetOutcome(metrics: records[r].metrics, resolution: resolution,
                                     simplexIterations: resolution == .solved ? records[r].iterations : 0)
        }
    }

    /// Record `r` takes the plan of record `witness` (a subset whose plan avoids it, or a set with the same LP).
    private func settle(_ r: Int, by witness: Int) {
        records[r].metrics = records[witness].metrics
        records[r].resolution = .samePlan(as: records[witness].label)
        records[r].flowArcs = records[witness].flowArcs
        records[r].basis = records[witness].basis
    }

    private func solve(_ tasks: [(record: Int, start: BasisDelta?, scenario: ResilienceScenario)], keep: (Int) -> Bool,
                       done: Int, total: Int, progress: (@Sendable (Int, Int) -> Void)?) throws {
        guard !tasks.isEmpty else { return }
        let engine = self.engine
        let jobs = tasks.map { (scenario: $0.scenario, start: $0.start, keep: keep($0.record)) }
        let results = ResultStore<(ScenarioMetrics, [UInt64], BasisDelta?, Int)>(count: jobs.count)
        if pool == nil { pool = try WorkerPool(engine: engine, size: min(self.jobs, jobs.count)) }
        pool!.run(jobs.count) { worker, t in
            let outcome = worker.solve(jobs[t].scenario, from: jobs[t].start, keepBasis: jobs[t].keep)
            // A failed solve has no plan: mark every arc as carrying flow, so it never settles anything.
            let flow = outcome.status == .optimal
                ? Self.flowArcs(outcome.values, engine: engine)
                : [UInt64](repeating: ~0, count: (engine.network.arcs.count + 63) / 64)
            let finished = results.set(t, (engine.metrics(of: outcome), flow, outcome.basis, outcome.iterations))
            progress?(done + finished, total)
        }
        for (t, task) in tasks.enumerated() {
            let (metrics, flow, basis, iterations) = results.values[t]!
            records[task.record].metrics = metrics
            records[task.record].flowArcs = flow
            records[task.record].basis = basis
            records[task.record].iterations = iterations
            solves += 1
            simplexIterations += iterations
        }
    }

    /// Removes unevaluated records from the lookups; their slots stay as unreachable tombstones.
    private func forget(_ unevaluated: [Int]) {
        let gone = Set(unevaluated)
        lpIndex = lpIndex.filter { !gone.contains($0.value) }
        for r in unevaluated {
            index[records[r].key] = nil
            records[r].fixed = nil
            for arc in records[r].key { byArc[arc].removeAll { gone.contains($0) } }
            records[r].basis = nil
        }
    }

    /// Bit per arc: true when any flow column of the arc is positive in `values`.
    static func flowArcs(_ values: [Double], engine: ResilienceEngine) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: (engine.network.arcs.count + 63) / 64)
        for (arc, columns) in engine.arcColumns.enumerated()
        where columns.contains(where: { values[$0] > PlanNumbers.zeroTolerance }) {
            bits[arc >> 6] |= 1 << UInt64(arc & 63)
        }
        return bits
    }

    private static func contains(_ bits: [UInt64], _ arc: Int) -> Bool {
        arc >> 6 < bits.count && bits[arc >> 6] & (1 << UInt64(arc & 63)) != 0
    }

    /// Both sorted.
    private static func isSubset(_ small: [Int], of large: [Int]) -> Bool {
        var j = 0
        for value in small {
            while j < large.count && large[j] < value { j += 1 }
            guard j < large.count, large[j] == value else { return false }
            j += 1
        }
        return true
    }
}
