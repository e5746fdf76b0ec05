extension PlanVerifier {
    /// Legs, deliveries, conservation, holding and the movement's own totals.
    func verifyMovement(_ plan: MovementPlan, m: Int, path: String, state: inout VerificationState) {
        let movement = network.movements[m]
        let commodity = network.commodities[movement.commodity]
        let uses = commodity.uses
        let horizon = network.periods
        if plan.quantity != movement.quantity {
            state.fail("\(path).quantity", "is \(plan.quantity), the network says \(movement.quantity)")
        }
        verifyIdentity(plan, movement: movement, path: path, state: &state)
        var change = StockChanges(horizon: horizon)
        change.add(movement.quantity, hub: movement.from, period: movement.release)

        for (index, leg) in plan.legs.enumerated() {
            let legPath = "\(path).legs[\(index)]"
            guard let a = arcs.arc(link: leg.link, from: leg.from, to: leg.to) else {
                state.fail(legPath, "no link \"\(leg.link)\" from \(leg.from) to \(leg.to)")
                continue
            }
            let arc = network.arcs[a]
            guard leg.quantity.isFinite, leg.quantity >= -slack(movement.quantity) else {
                state.fail(legPath, "quantity \(leg.quantity) is negative or not a number")
                continue
            }
            if !arc.carries[movement.commodity] {
                state.fail(legPath, "link \"\(leg.link)\" does not carry \(commodity.id)")
            }
            if leg.depart < movement.release {
                state.fail(legPath, "departs in period \(leg.depart), before the release in period \(movement.release)")
            }
            // A departure outside the horizon is reported before any period arithmetic (a hand-edited
            // period near Int.max would overflow it).
            guard (0..<horizon).contains(leg.depart) else {
                state.fail(legPath, "departs in period \(leg.depart), outside the horizon (periods 0–\(horizon - 1))")
                continue
            }
            if !arc.isOpen(at: leg.depart) {
                state.fail(legPath, "link \"\(leg.link)\" is not open for departures in period \(leg.depart)")
            }
            let arrive = network.arrival(arc: a, departing: leg.depart, commodity: movement.commodity)
            if leg.arrive != arrive {
                state.fail(legPath, "arrives in period \(leg.arrive), but transit and customs make it \(arrive)")
            }
            guard leg.depart >= 0, arrive < horizon else {
                state.fail(legPath, "runs outside the horizon (periods 0–\(horizon - 1))")
                continue
            }
            change.subtract(leg.quantity, hub: arc.from, period: leg.depart)
            change.add(leg.quantity, hub: arc.to, period: arrive)
            for d in network.dimensions.indices where uses[d] > 0 {
                let load = uses[d] * leg.quantity
                state.loads.link[a][leg.depart][d] += load
                if let rule = arc.customs.rule { state.loads.border[rule][leg.depart][d] += load }
                state.loads.handling[arc.from][leg.depart][d] += load
                state.loads.handling[arc.to][arrive][d] += load
            }
            state.costs.transport += leg.quantity * uses.dot(arc.cost)
            state.costs.customs += leg.quantity * uses.dot(arc.customs.cost)
        }

        var delivered = 0.0, onTime = 0.0, late = 0.0, lateUnits = 0.0
        for (index, delivery) in plan.deliveries.enumerated() {
            guard delivery.period >= movement.release, delivery.period < horizon, delivery.quantity.isFinite,
                  delivery.quantity >= -slack(movement.quantity) else {
                state.fail("\(path).deliveries[\(index)]", "period \(delivery.period) or quantity \(delivery.quantity) is out of range")
                continue
            }
            change.subtract(delivery.quantity, hub: movement.to, period: delivery.period)
            delivered += delivery.quantity
            let lateBy = delivery.period - movement.due
            if lateBy > 0 {
                late += delivery.quantity
                lateUnits += delivery.quantity * Double(lateBy)
            } else {
                onTime += delivery.quantity
            }
        }
        state.costs.lateness += lateUnits * movement.latePenalty
        if plan.unmet < -slack(movement.quantity) || !plan.unmet.isFinite {
            state.fail("\(path).unmet", "must be a non-negative number, found \(plan.unmet)")
        } else {
            change.subtract(plan.unmet, hub: movement.from, period: movement.release)
            state.costs.unmet += plan.unmet * movement.unmetPenalty
        }
        let scale = movement.quantity
        for (name, reported, actual) in [("delivered", plan.delivered, delivered), ("on_time", plan.onTime, onTime),
                                         ("late", plan.late, late), ("late_unit_periods", plan.lateUnitPeriods, lateUnits)]
        where abs(reported - actual) > slack(max(scale, actual)) {
            state.fail("\(path).\(name)", "reported \(reported), but the plan's deliveries give \(actual)")
        }
        if abs(delivered + plan.unmet - movement.quantity) > slack(scale) {
            state.fail(path, "delivered \(delivered) plus unmet \(plan.unmet) is not the quantity \(movement.quantity)")
        }

        verifyConservation(change, uses: uses, scale: movement.quantity, path: path, state: &state)
        verifyItineraries(plan, movement: movement, path: path, state: &state)
    }

    /// Conservation: the stock carried from t to t+1 is y[m, i, t]; it may never be negative and
    /// nothing may remain after the last period. Walks the hubs the movement touches, from the first
    /// period its stock changes there; while nothing is held, straight to the next change.
    private func verifyConservation(_ change: StockChanges, uses: DimensionVector, scale: Double, path: String,
                                    state: inout VerificationState) {
        let horizon = network.periods
        for touched in change.byHub() {
            let i = touched.hub, changes = touched.changes
            let holdingPerUnit = uses.dot(network.hubs[i].holdingCost)
            var stock = 0.0
            // What printing may have hidden in the changes so far (below).
            var hidden = 0.0
            var next = 0
            var t = changes[0].period
            while true {
                if next < changes.count, changes[next].period == t {
                    stock += changes[next].change
                    hidden += changes[next].hidden
                    next += 1
                }
                if stock < -slack(scale) {
                    state.fail(path, "at hub \"\(network.hubs[i].id)\" in period \(t), \(-stock) more units leave than are there")
                    stock = 0
                }
                guard t < horizon - 1 else {
                    if stock > slack(scale) {
                        state.fail(path, "\(stock) units are still at hub \"\(network.hubs[i].id)\" at the end of the horizon")
                    }
                    break
                }
                // The plan prints quantities under 1e-9 as 0, near-integers as integers and others to
                // 12 significant digits, so each change may hide what that moved the numbers making
                // it by (`PlanNumbers.largestCleaningError`): a stock no larger is what printing
                // left, not something held (with a large `uses` it would otherwise overfill a small
                // storage limit; 1,234,567.891234567 units unmet printed as …567.89123 left 4.6e-6).
                guard stock > min(hidden, slack(scale)) else {
                    // Nothing held: nothing happens here until the stock next changes.
                    guard next < changes.count else { break }
                    t = changes[next].period
                    continue
                }
                state.costs.holding += stock * holdingPerUnit
                for d in network.dimensions.indices where uses[d] > 0 {
                    state.loads.storage[i][t][d] += uses[d] * stock
                }
                t += 1
            }
        }
    }
}
