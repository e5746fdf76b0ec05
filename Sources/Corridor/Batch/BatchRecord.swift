/// One scenario's result: one JSON line of `corridor batch` (schema in
/// docs/schemas/batch-result.schema.json). A scenario that failed has `status: "error"` and `error`.
public struct BatchRecord: Codable, Sendable, Equatable {
    /// Rows, columns and non-zeros of the scenario's LP.
    public struct LPSize: Codable, Sendable, Equatable {
        public var rows: Int
        public var columns: Int
        public var nonzeros: Int
        public var iterations: Int
    }

    public var id: String
    /// `optimal`, or `error`.
    public var status: String
    public var network: String?
    public var objective: Double?
    public var costs: CostBreakdown?
    public var quantity: Double?
    public var delivered: Double?
    public var deliveredPct: Double?
    public var onTimePct: Double?
    public var unmet: Double?
    public var lateUnitPeriods: Double?
    public var lp: LPSize?
    /// Wall-clock seconds of formulation, solve and verification; the only field that differs
    /// between runs (leave it out with `--no-timing`).
    public var solveSeconds: Double?
    public var error: String?

    public init(id: String, network: String, plan: Plan, seconds: Double?) {
        self.id = id
        status = plan.status
        self.network = network
        objective = plan.objective
        costs = plan.costs
        quantity = plan.summary.quantity
        delivered = plan.summary.delivered
        deliveredPct = plan.summary.deliveredPct
        onTimePct = plan.summary.onTimePct
        unmet = plan.summary.unmet
        lateUnitPeriods = plan.summary.lateUnitPeriods
        lp = plan.lp.map { LPSize(rows: $0.rows, columns: $0.columns, nonzeros: $0.nonzeros, iterations: $0.iterations) }
        solveSeconds = seconds.map { ($0 * 1000).rounded() / 1000 }
    }

    public init(id: String, network: String?, error: String) {
        self.id = id
        status = "error"
        self.network = network
        self.error = error
    }

    /// True for a failure that depends on the run rather than the input — the time limit, or an LP
    /// too large for the memory the jobs share — so that `--resume` runs the scenario again (with
    /// a longer `--time-limit` or fewer `--jobs` it may succeed) instead of keeping the failure.
    public var mayPassOnAnotherRun: Bool {
        guard status == "error", let error else { return false }
        return error.contains(PlanningError.notOptimal(.timeLimit).description) || error.contains("the LP is too large")
    }

    /// The same record without its timing, for comparing runs.
    public var withoutTiming: BatchRecord {
        var copy = self
        copy.solveSeconds = nil
        return copy
    }

    public static let csvHeader = "id,status,objective,transport,customs,holding,lateness,unmet_cost,quantity,delivered,"
        + "delivered_pct,on_time_pct,unmet,late_unit_periods,rows,columns,nonzeros,iterations,solve_seconds,error"

    public var csvLine: String {
        func n(_ value: Double?) -> String { value.map(PlanNumbers.plain) ?? "" }
        func i(_ value: Int?) -> String { value.map(String.init) ?? "" }
        return [id, status, n(objective), n(costs?.transport), n(costs?.customs), n(costs?.holding), n(costs?.lateness),
                n(costs?.unmet), n(quantity), n(delivered), n(deliveredPct), n(onTimePct), n(unmet), n(lateUnitPeriods),
                i(lp?.rows), i(lp?.columns), i(lp?.nonzeros), i(lp?.iterations), n(solveSeconds), error ?? ""]
            .map(CSVReport.field).joined(separator: ",")
    }
}
