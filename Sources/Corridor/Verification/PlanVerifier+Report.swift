extension PlanVerifier {
    /// What the plan says about itself beyond its flows: that it is an optimal plan of this network's
    /// horizon, and that its summary is the sum of its movements.
    func verifyHeader(_ plan: Plan, state: inout VerificationState) {
        if plan.status != "optimal" {
            state.fail("status", "a plan is always \"optimal\" (Corridor prints no other), found \"\(plan.status)\"")
        }
        if plan.periods != network.periods {
            state.fail("periods", "is \(plan.periods), the network's horizon is \(network.periods)")
        }
        let summed = PlanSummary(movements: plan.movements)
        let scale = max(summed.quantity, 1)
        let pairs: [(String, Double, Double, Double)] = [
            ("quantity", plan.summary.quantity, summed.quantity, scale),
            ("delivered", plan.summary.delivered, summed.delivered, scale),
            ("on_time", plan.summary.onTime, summed.onTime, scale),
            ("late", plan.summary.late, summed.late, scale),
            ("unmet", plan.summary.unmet, summed.unmet, scale),
            ("late_unit_periods", plan.summary.lateUnitPeriods, summed.lateUnitPeriods, max(scale, summed.lateUnitPeriods)),
            ("delivered_pct", plan.summary.deliveredPct, summed.deliveredPct, 100),
            ("on_time_pct", plan.summary.onTimePct, summed.onTimePct, 100),
        ]
        for (name, reported, actual, scale) in pairs where !(abs(reported - actual) <= slack(scale)) {
            state.fail("summary.\(name)", "reported \(reported), but the movements add up to \(actual)")
        }
    }

    /// The movement as the network states it: commodity, origin, destination, release and due.
    func verifyIdentity(_ plan: MovementPlan, movement: Movement, path: String, state: inout VerificationState) {
        let fields: [(String, String, String)] = [
            ("commodity", plan.commodity, network.commodities[movement.commodity].id),
            ("from", plan.from, network.hubs[movement.from].id),
            ("to", plan.to, network.hubs[movement.to].id),
            ("release", "\(plan.release)", "\(movement.release)"),
            ("due", "\(plan.due)", "\(movement.due)"),
        ]
        for (name, reported, actual) in fields where reported != actual {
            state.fail("\(path).\(name)", "is \(reported), the network says \(actual)")
        }
    }

    /// Itineraries decompose the delivered flow into paths (contract §3): each is a path from origin to
    /// destination over the movement's legs with a positive quantity; together they carry exactly what
    /// is delivered, in each delivery period, and no leg carries less than the itineraries through it.
    /// (Flow on a cost-free zero-time cycle belongs to no itinerary, so a leg may carry more.)
    func verifyItineraries(_ plan: MovementPlan, movement: Movement, path: String, state: inout VerificationState) {
        let scale = movement.quantity
        var total = 0.0
        var arriving: [Int: Double] = [:]
        var throughLeg = [Double](repeating: 0, count: plan.legs.count)
        for (index, itinerary) in plan.itineraries.enumerated() {
            let itineraryPath = "\(path).itineraries[\(index)]"
            guard itinerary.quantity.isFinite, itinerary.quantity > 0 else {
                state.fail("\(itineraryPath).quantity", "must be a positive number, found \(itinerary.quantity)")
                continue
            }
            guard itinerary.legs.allSatisfy({ plan.legs.indices.contains($0) }), !itinerary.legs.isEmpty else {
                state.fail(itineraryPath, "refers to legs that do not exist")
                continue
            }
            total += itinerary.quantity
            arriving[itinerary.arrive, default: 0] += itinerary.quantity
            for leg in itinerary.legs { throughLeg[leg] += itinerary.quantity }
            let legs = itinerary.legs.map { plan.legs[$0] }
            let connected = zip(legs, legs.dropFirst()).allSatisfy { $0.to == $1.from && $1.depart >= $0.arrive }
            if !connected || legs.first?.from != network.hubs[movement.from].id
                || legs.last?.to != network.hubs[movement.to].id || legs.last?.arrive != itinerary.arrive {
                state.fail(itineraryPath, "is not a path from \(network.hubs[movement.from].id) to \(network.hubs[movement.to].id) arriving in period \(itinerary.arrive)")
            }
        }
        if abs(total - plan.delivered) > slack(scale) {
            state.fail("\(path).itineraries", "carry \(total) units, but \(plan.delivered) are delivered")
        }
        var delivered: [Int: Double] = [:]
        for delivery in plan.deliveries { delivered[delivery.period, default: 0] += delivery.quantity }
        for period in Set(delivered.keys).union(arriving.keys).sorted() {
            let inItineraries = arriving[period] ?? 0, inDeliveries = delivered[period] ?? 0
            if abs(inItineraries - inDeliveries) > slack(scale) {
                state.fail("\(path).itineraries", "arrive with \(inItineraries) units in period \(period), "
                           + "but \(inDeliveries) are delivered then")
            }
        }
        for (index, leg) in plan.legs.enumerated() where throughLeg[index] > leg.quantity + slack(scale) {
            state.fail("\(path).legs[\(index)]", "carries \(leg.quantity) units, but its itineraries take \(throughLeg[index]) over it")
        }
    }
}
