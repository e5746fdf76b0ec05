/// The outcome of one solve in an analysis: objective and what arrives, on time or not at all.
/// Computed straight from the LP's column values (no plan is built), so that thousands of re-solves
/// stay cheap.
public struct ScenarioMetrics: Codable, Sendable, Equatable {
    /// `optimal`, or why not (`time limit`, …).
    public var status: String
    public var objective: Double
    public var delivered: Double
    public var onTime: Double
    public var unmet: Double
    public var lateUnitPeriods: Double
    /// delivered / total quantity × 100.
    public var deliveredPct: Double
    /// on time / total quantity × 100.
    public var onTimePct: Double

    public static func compute(network: Network, formulation: Formulation, values: [Double],
                               objective: Double) -> ScenarioMetrics {
        let columns = formulation.columns
        var delivered = 0.0, onTime = 0.0, unmet = 0.0, lateUnits = 0.0
        for j in 0..<columns.kind.count where values[j] > PlanNumbers.zeroTolerance {
            if columns.kind[j] == .unmet {
                unmet += values[j]
            } else if let period = formulation.deliveryPeriod(ofColumn: j, in: network) {
                let due = formulation.groups[Int(columns.owner[j])].due
                delivered += values[j]
                if period <= due {
                    onTime += values[j]
                } else {
                    lateUnits += values[j] * Double(period - due)
                }
            }
        }
        let total = network.movements.reduce(0) { $0 + $1.quantity }
        return ScenarioMetrics(status: "optimal", objective: PlanNumbers.clean(objective),
                               delivered: PlanNumbers.clean(delivered), onTime: PlanNumbers.clean(onTime),
                               unmet: PlanNumbers.clean(unmet), lateUnitPeriods: PlanNumbers.clean(lateUnits),
                               deliveredPct: PlanNumbers.clean(total > 0 ? delivered / total * 100 : 100),
                               onTimePct: PlanNumbers.clean(total > 0 ? onTime / total * 100 : 100))
    }

    /// A solve that ended without an optimum.
    public static func failed(_ status: String) -> ScenarioMetrics {
        ScenarioMetrics(status: status, objective: .nan, delivered: .nan, onTime: .nan, unmet: .nan,
                        lateUnitPeriods: .nan, deliveredPct: .nan, onTimePct: .nan)
    }
}

extension ScenarioMetrics {
    /// The figures of a plan's summary (an analysis's baseline, which must read as `corridor plan`).
    public init(plan: Plan) {
        self.init(status: plan.status, objective: plan.objective, delivered: plan.summary.delivered,
                  onTime: plan.summary.onTime, unmet: plan.summary.unmet, lateUnitPeriods: plan.summary.lateUnitPeriods,
                  deliveredPct: plan.summary.deliveredPct, onTimePct: plan.summary.onTimePct)
    }
}
