import CorridorLP

/// Turns the solver's column values into a `Plan`: legs, deliveries, unmet and late quantities, the
/// cost breakdown and itineraries (by flow decomposition). Reads the formulation's maps only; the
/// plan is then checked by `PlanVerifier`, which does not.
public enum PlanExtractor {
    public static func plan(network: Network, formulation: Formulation, values: [Double], objective: Double,
                            iterations: Int) -> Plan {
        var costs = CostBreakdown()
        var movements: [MovementPlan] = []
        movements.reserveCapacity(network.movements.count)
        let columns = formulation.columns
        var start = 0
        for m in network.movements.indices {
            var end = start
            while end < columns.kind.count, Int(columns.movement[end]) == m { end += 1 }
            movements.append(movementPlan(network: network, formulation: formulation, m: m,
                                          range: start..<end, values: values, costs: &costs))
            start = end
        }
        let program = formulation.program
        return Plan(network: network.name, status: "optimal", objective: PlanNumbers.clean(objective),
                    costs: CostBreakdown(transport: PlanNumbers.clean(costs.transport),
                                         customs: PlanNumbers.clean(costs.customs),
                                         holding: PlanNumbers.clean(costs.holding),
                                         lateness: PlanNumbers.clean(costs.lateness),
                                         unmet: PlanNumbers.clean(costs.unmet)),
                    periods: network.periods, periodLabel: network.periodLabel,
                    summary: PlanSummary(movements: movements), movements: movements,
                    lp: LPStatistics(formulation: formulation.mode == .pruned ? "pruned" : "literal",
                                     rows: program.numberOfRows, columns: program.numberOfColumns,
                                     nonzeros: program.numberOfNonZeros, iterations: iterations))
    }

    private static func movementPlan(network: Network, formulation: Formulation, m: Int, range: Range<Int>,
                                     values: [Double], costs: inout CostBreakdown) -> MovementPlan {
        let movement = network.movements[m]
        let commodity = network.commodities[movement.commodity]
        let columns = formulation.columns
        var flows: [(arc: Int, depart: Int, arrive: Int, quantity: Double)] = []
        var holds: [(hub: Int, period: Int, quantity: Double)] = []
        var delivered: [Int: Double] = [:]
        var unmet = 0.0
        for j in range {
            let value = values[j]
            guard abs(value) >= PlanNumbers.zeroTolerance else { continue }
            let place = Int(columns.place[j]), period = Int(columns.period[j])
            switch columns.kind[j] {
            case .flow:
                let arc = network.arcs[place]
                let arrive = Int(columns.arrival[j])
                costs.transport += value * commodity.uses.dot(arc.cost)
                costs.customs += value * commodity.uses.dot(arc.customs.cost)
                flows.append((place, period, arrive, value))
                if formulation.mode == .pruned, arc.to == movement.to {
                    delivered[arrive, default: 0] += value
                }
            case .hold:
                costs.holding += value * commodity.uses.dot(network.hubs[place].holdingCost)
                holds.append((place, period, value))
            case .delivery:
                delivered[period, default: 0] += value
            case .unmet:
                unmet += value
            }
        }
        flows.sort { ($0.depart, $0.arc) < ($1.depart, $1.arc) }
        let legs = flows.map { flow -> Leg in
            let arc = network.arcs[flow.arc]
            return Leg(link: network.links[arc.link].id, from: network.hubs[arc.from].id, to: network.hubs[arc.to].id,
                       mode: arc.mode, depart: flow.depart, arrive: flow.arrive, quantity: PlanNumbers.clean(flow.quantity))
        }
        let deliveries = delivered.keys.sorted().map { Delivery(period: $0, quantity: PlanNumbers.clean(delivered[$0]!)) }
            .filter { $0.quantity != 0 }
        var onTime = 0.0, late = 0.0, lateUnits = 0.0
        for delivery in deliveries {
            let lateBy = delivery.period - movement.due
            if lateBy > 0 {
                late += delivery.quantity
                lateUnits += delivery.quantity * Double(lateBy)
                costs.lateness += delivery.quantity * Double(lateBy) * movement.latePenalty
            } else {
                onTime += delivery.quantity
            }
        }
        costs.unmet += unmet * movement.unmetPenalty
        var decomposition = FlowDecomposition(network: network, movement: movement, flows: flows, holds: holds,
                                              deliveries: delivered)
        let itineraries = decomposition.itineraries()
        return MovementPlan(id: movement.id, commodity: commodity.id, from: network.hubs[movement.from].id,
                            to: network.hubs[movement.to].id, quantity: movement.quantity, release: movement.release,
                            due: movement.due, delivered: PlanNumbers.clean(onTime + late),
                            onTime: PlanNumbers.clean(onTime), late: PlanNumbers.clean(late),
                            unmet: PlanNumbers.clean(unmet), lateUnitPeriods: PlanNumbers.clean(lateUnits),
                            legs: legs, deliveries: deliveries, itineraries: itineraries)
    }
}
