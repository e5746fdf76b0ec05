import CorridorLP

/// Turns the solver's column values into a `Plan`: each flow group's flow is decomposed into paths
/// per movement (so aggregated movements get their own legs), giving legs, deliveries, unmet and
/// late quantities, itineraries and the cost breakdown. Reads the formulation's maps only; the plan
/// is then checked by `PlanVerifier`, which does not.
public enum PlanExtractor {
    /// The objective at `values` with solver noise dropped (`NoiselessObjective`).
    public static func objective(of program: LinearProgram, values: [Double]) -> Double {
        NoiselessObjective(program).value(at: values)
    }

    /// The plan of the LP solution `values`; its objective is `objective(of:values:)`.
    public static func plan(network: Network, formulation: Formulation, values: [Double], iterations: Int) -> Plan {
        let objective = objective(of: formulation.program, values: values)
        var costs = CostBreakdown()
        var movements = [MovementPlan?](repeating: nil, count: network.movements.count)
        for (g, range) in formulation.groupColumns.enumerated() {
            for plan in groupPlans(network: network, formulation: formulation, g: g, range: range,
                                   values: values, costs: &costs) {
                movements[plan.index] = plan.plan
            }
        }
        let program = formulation.program
        let all = movements.map { $0! }
        return Plan(network: network.name, status: "optimal", objective: PlanNumbers.clean(objective),
                    costs: CostBreakdown(transport: PlanNumbers.clean(costs.transport),
                                         customs: PlanNumbers.clean(costs.customs),
                                         holding: PlanNumbers.clean(costs.holding),
                                         lateness: PlanNumbers.clean(costs.lateness),
                                         unmet: PlanNumbers.clean(costs.unmet)),
                    periods: network.periods, periodLabel: network.periodLabel,
                    summary: PlanSummary(movements: all), movements: all,
                    lp: LPStatistics(formulation: formulation.mode == .pruned ? "pruned" : "literal",
                                     rows: program.numberOfRows, columns: program.numberOfColumns,
                                     nonzeros: program.numberOfNonZeros, iterations: iterations))
    }

    private static func groupPlans(network: Network, formulation: Formulation, g: Int, range: Range<Int>,
                                   values: [Double], costs: inout CostBreakdown) -> [(index: Int, plan: MovementPlan)] {
        let group = formulation.groups[g]
        let columns = formulation.columns
        var unmet: [Int: Double] = [:]
        var deliveries: [Int: Double] = [:]
        var flowColumns: [Int] = []
        var holdColumns: [Int] = []
        for j in range where abs(values[j]) >= PlanNumbers.zeroTolerance {
            if let period = formulation.deliveryPeriod(ofColumn: j, in: network) {
                deliveries[period, default: 0] += values[j]
            }
            switch columns.kind[j] {
            case .unmet:
                unmet[Int(columns.owner[j]), default: 0] += values[j]
            case .flow:
                flowColumns.append(j)
            case .hold:
                holdColumns.append(j)
            case .delivery:
                break
            }
        }
        var decomposition = FlowDecomposition(horizon: network.periods, destination: group.destination,
                                              deliveries: deliveries)
        for j in flowColumns {
            let arc = network.arcs[Int(columns.place[j])]
            decomposition.addLeg(arc: Int(columns.place[j]), from: arc.from, to: arc.to, depart: Int(columns.period[j]),
                                 arrive: Int(columns.arrival[j]), quantity: values[j])
        }
        for j in holdColumns {
            decomposition.addHold(hub: Int(columns.place[j]), period: Int(columns.period[j]), quantity: values[j])
        }
        let members = group.movements
        let sources = members.map { m -> (hub: Int, period: Int, supply: Double) in
            let movement = network.movements[m]
            return (movement.from, movement.release, movement.quantity - (unmet[m] ?? 0))
        }
        let pathsBySource = Dictionary(grouping: decomposition.paths(sources: sources), by: \.source)
        let edges = decomposition.edges
        return members.enumerated().map { position, m in
            let plan = movementPlan(network: network, group: group, m: m, unmet: unmet[m] ?? 0,
                                    paths: pathsBySource[position] ?? [], edges: edges, costs: &costs)
            return (m, plan)
        }
    }

    private static func movementPlan(network: Network, group: FlowGroup, m: Int, unmet: Double,
                                     paths: [FlowDecomposition.Path], edges: [FlowDecomposition.Edge],
                                     costs: inout CostBreakdown) -> MovementPlan {
        let movement = network.movements[m]
        let commodity = network.commodities[movement.commodity]
        struct LegKey: Hashable, Comparable {
            var depart: Int
            var arc: Int
            static func < (a: LegKey, b: LegKey) -> Bool { (a.depart, a.arc) < (b.depart, b.arc) }
        }
        var legQuantity: [LegKey: Double] = [:]
        var delivered: [Int: Double] = [:]
        for path in paths {
            for edge in path.edges.map({ edges[$0] }) {
                if edge.arc >= 0 {
                    legQuantity[LegKey(depart: edge.depart, arc: edge.arc), default: 0] += path.quantity
                } else {
                    costs.holding += path.quantity * commodity.uses.dot(network.hubs[edge.hub].holdingCost)
                }
            }
            delivered[path.arrive, default: 0] += path.quantity
        }
        let keys = legQuantity.keys.sorted()
        let legIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let legs = keys.map { key -> Leg in
            let arc = network.arcs[key.arc]
            let quantity = legQuantity[key]!
            costs.transport += quantity * commodity.uses.dot(arc.cost)
            costs.customs += quantity * commodity.uses.dot(arc.customs.cost)
            return Leg(link: network.links[arc.link].id, from: network.hubs[arc.from].id, to: network.hubs[arc.to].id,
                       mode: arc.mode, depart: key.depart,
                       arrive: network.arrival(arc: key.arc, departing: key.depart, commodity: movement.commodity),
                       quantity: PlanNumbers.clean(quantity))
        }
        var itineraries: [Itinerary] = []
        for path in paths {
            let indices = path.edges.compactMap { edge -> Int? in
                let e = edges[edge]
                return e.arc >= 0 ? legIndex[LegKey(depart: e.depart, arc: e.arc)] : nil
            }
            if let same = itineraries.firstIndex(where: { $0.legs == indices && $0.arrive == path.arrive }) {
                itineraries[same].quantity += path.quantity
            } else {
                itineraries.append(Itinerary(quantity: path.quantity, legs: indices, arrive: path.arrive))
            }
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
        return MovementPlan(id: movement.id, commodity: commodity.id, from: network.hubs[movement.from].id,
                            to: network.hubs[movement.to].id, quantity: movement.quantity, release: movement.release,
                            due: movement.due, delivered: PlanNumbers.clean(onTime + late),
                            onTime: PlanNumbers.clean(onTime), late: PlanNumbers.clean(late),
                            unmet: PlanNumbers.clean(unmet), lateUnitPeriods: PlanNumbers.clean(lateUnits),
                            legs: legs, deliveries: deliveries,
                            itineraries: itineraries.map { Itinerary(quantity: PlanNumbers.clean($0.quantity), legs: $0.legs, arrive: $0.arrive) })
    }
}
