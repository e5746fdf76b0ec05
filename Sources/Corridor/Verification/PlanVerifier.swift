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

    /// For each movement, 1e-9 units in each of its H + 1 printable places (unmet and a delivery per
    /// period, or as many dropped legs), each at the most a unit of it can cost: its unmet penalty,
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
            return total + PlanNumbers.zeroTolerance * (horizon + 1) * perUnit
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

    private func verifyCapacities(_ state: inout VerificationState) {
        let loads = state.loads
        for t in 0..<network.periods {
            for d in network.dimensions.indices {
                let dimension = network.dimensions[d]
                for (a, arc) in network.arcs.enumerated() where loads.link[a][t][d] > arc.capacity[d] + slack(arc.capacity[d]) {
                    let link = network.links[arc.link]
                    state.fail("capacity", "link \"\(link.id)\" \(network.hubs[arc.from].id)→\(network.hubs[arc.to].id) carries \(loads.link[a][t][d]) \(dimension) departing in period \(t), capacity \(arc.capacity[d])")
                }
                for (r, rule) in network.borderRules.enumerated() where loads.border[r][t][d] > rule.capacity[d] + slack(rule.capacity[d]) {
                    state.fail("capacity", "border \(rule.label) clears \(loads.border[r][t][d]) \(dimension) in period \(t), capacity \(rule.capacity[d])")
                }
                for (i, hub) in network.hubs.enumerated() {
                    if t < network.periods - 1, loads.storage[i][t][d] > hub.storage[d] + slack(hub.storage[d]) {
                        state.fail("capacity", "hub \"\(hub.id)\" holds \(loads.storage[i][t][d]) \(dimension) from period \(t) to \(t + 1), storage \(hub.storage[d])")
                    }
                    if loads.handling[i][t][d] > hub.handling[d] + slack(hub.handling[d]) {
                        state.fail("capacity", "hub \"\(hub.id)\" handles \(loads.handling[i][t][d]) \(dimension) in period \(t), handling \(hub.handling[d])")
                    }
                }
            }
        }
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
