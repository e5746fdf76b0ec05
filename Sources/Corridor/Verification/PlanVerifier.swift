/// Checks a plan against a network without looking at any LP: every leg is a real, open link
/// direction that carries the commodity and takes exactly transit + customs delay; units are
/// conserved at every hub and period (holding is what is left over); links, border rules, storage
/// and handling stay within capacity; and the reported quantities, costs and objective add up.
/// Every `corridor plan` runs it before printing; `corridor verify` runs it on any plan file.
public struct PlanVerifier {
    public let network: Network
    /// Relative tolerance for quantities and costs.
    public var tolerance: Double

    let arcs: ArcLookup
    /// The most cost a plan's printed numbers can leave out: quantities under 1e-9 print as 0
    /// (contract §3), and a penalty or cost of up to 1e12 a unit makes that visible in the totals.
    let printedCostSlack: Double

    public init(network: Network, tolerance: Double = 1e-6) {
        self.network = network
        self.tolerance = tolerance
        arcs = ArcLookup(network)
        printedCostSlack = Self.printedCostSlack(network)
    }

    /// For each movement, what printing may move its quantity by (1e-9 units below that, integer
    /// snapping, 12-digit rounding: `PlanNumbers.largestCleaningError`) in each of its
    /// H + 1 printable places (unmet and a delivery per period, or as many dropped legs), each at the
    /// most a unit of it can cost: its unmet penalty,
    /// lateness over the whole horizon, and the dearest leg and holding in every period. Far below
    /// the relative tolerance on ordinary networks; it keeps plans of 1e-10 units at penalties of
    /// 1e9 from failing over numbers the contract says to print as 0.
    static func printedCostSlack(_ network: Network) -> Double {
        let horizon = Double(network.periods)
        var dearestLeg = [Double](repeating: 0, count: network.commodities.count)
        var dearestHolding = [Double](repeating: 0, count: network.commodities.count)
        for (c, commodity) in network.commodities.enumerated() {
            for arc in network.arcs {
                dearestLeg[c] = max(dearestLeg[c], commodity.uses.dot(arc.cost) + commodity.uses.dot(arc.customs.cost))
            }
            for hub in network.hubs {
                dearestHolding[c] = max(dearestHolding[c], commodity.uses.dot(hub.holdingCost))
            }
        }
        return network.movements.reduce(0) { total, movement in
            let perUnit = movement.unmetPenalty + movement.latePenalty * horizon
                + horizon * (dearestLeg[movement.commodity] + dearestHolding[movement.commodity])
            let hidden = PlanNumbers.largestCleaningError(movement.quantity)
            return total + hidden * (horizon + 1) * perUnit
        }
    }

    func slack(_ scale: Double) -> Double { tolerance * max(1, abs(scale)) }

    public func verify(_ plan: Plan) -> VerificationResult {
        var state = VerificationState(network: network)
        let byId = Dictionary(network.movements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<Int>()
        verifyHeader(plan, state: &state)
        for (index, movementPlan) in plan.movements.enumerated() {
            let path = "movements[\(index)]"
            guard let m = byId[movementPlan.id] else {
                state.fail(path, "no movement \"\(movementPlan.id)\" in the network")
                continue
            }
            guard seen.insert(m).inserted else {
                state.fail(path, "movement \"\(movementPlan.id)\" appears twice")
                continue
            }
            verifyMovement(movementPlan, m: m, path: path, state: &state)
        }
        for (m, movement) in network.movements.enumerated() where !seen.contains(m) {
            state.fail("movements", "movement \"\(movement.id)\" is missing from the plan")
        }
        verifyCapacities(&state)
        verifyTotals(plan, state: &state)
        return VerificationResult(violations: state.violations, loads: state.loads)
    }

    private func verifyTotals(_ plan: Plan, state: inout VerificationState) {
        let computed = state.costs
        let pairs: [(String, Double, Double)] = [
            ("transport", plan.costs.transport, computed.transport), ("customs", plan.costs.customs, computed.customs),
            ("holding", plan.costs.holding, computed.holding), ("lateness", plan.costs.lateness, computed.lateness),
            ("unmet", plan.costs.unmet, computed.unmet),
        ]
        for (name, reported, actual) in pairs
        where !(abs(reported - actual) <= slack(max(actual, computed.total)) + printedCostSlack) {
            state.fail("costs.\(name)", "reported \(reported), but the plan's \(name) cost is \(actual)")
        }
        if !(abs(plan.objective - computed.total) <= slack(computed.total) + printedCostSlack) {
            state.fail("objective", "reported \(plan.objective), but the plan costs \(computed.total)")
        }
    }

    /// Every finite limit against its load. Elements are walked one by one and only in the
    /// dimensions where they have a finite limit (a long horizon over many unlimited hubs costs
    /// nothing); the violations are reported by period, dimension, then links, border rules and hubs.
    private func verifyCapacities(_ state: inout VerificationState) {
        let loads = state.loads
        var found: [(period: Int, dimension: Int, element: Int, message: String)] = []
        /// Element number `element` (its place in the report order), with `limit` over `periods`.
        func check(_ element: Int, _ limit: DimensionVector, _ load: [[Double]], periods: Int,
                   _ message: (_ t: Int, _ d: Int, _ load: Double) -> String) {
            for d in network.dimensions.indices where limit[d].isFinite {
                let most = limit[d] + slack(limit[d])
                for t in 0..<periods where load[t][d] > most {
                    found.append((t, d, element, message(t, d, load[t][d])))
                }
            }
        }
        let periods = network.periods
        for (a, arc) in network.arcs.enumerated() {
            check(a, arc.capacity, loads.link[a], periods: periods) { t, d, load in
                "link \"\(network.links[arc.link].id)\" \(network.hubs[arc.from].id)→\(network.hubs[arc.to].id) carries \(load) \(network.dimensions[d]) departing in period \(t), capacity \(arc.capacity[d])"
            }
        }
        for (r, rule) in network.borderRules.enumerated() {
            check(network.arcs.count + r, rule.capacity, loads.border[r], periods: periods) { t, d, load in
                "border \(rule.label) clears \(load) \(network.dimensions[d]) in period \(t), capacity \(rule.capacity[d])"
            }
        }
        let hubBase = network.arcs.count + network.borderRules.count
        for (i, hub) in network.hubs.enumerated() {
            check(hubBase + 2 * i, hub.storage, loads.storage[i], periods: periods - 1) { t, d, load in
                "hub \"\(hub.id)\" holds \(load) \(network.dimensions[d]) from period \(t) to \(t + 1), storage \(hub.storage[d])"
            }
            check(hubBase + 2 * i + 1, hub.handling, loads.handling[i], periods: periods) { t, d, load in
                "hub \"\(hub.id)\" handles \(load) \(network.dimensions[d]) in period \(t), handling \(hub.handling[d])"
            }
        }
        found.sort { ($0.period, $0.dimension, $0.element) < ($1.period, $1.dimension, $1.element) }
        for violation in found { state.fail("capacity", violation.message) }
    }
}

/// What the verifier accumulates while it walks a plan.
struct VerificationState {
    var violations: [Violation] = []
    var loads: PlanLoads
    var costs = CostBreakdown()

    init(network: Network) {
        loads = PlanLoads(network: network)
    }

    mutating func fail(_ path: String, _ message: String) {
        violations.append(Violation(path: path, message: message))
    }
}
