/// The plan as a planner reads it: status, objective and its breakdown, what arrives on time, late
/// or not at all, a table per movement, itineraries in words, and the busiest links, crossings and
/// hubs. ANSI colour only when asked (the command line asks when stdout is a terminal).
public struct TextReport {
    public var network: Network
    public var plan: Plan
    public var utilization: [Utilization]
    public var color: Bool
    /// How many itineraries and busiest elements to list.
    public var limit: Int

    public init(network: Network, plan: Plan, utilization: [Utilization], color: Bool = false, limit: Int = 10) {
        self.network = network
        self.plan = plan
        self.utilization = utilization
        self.color = color
        self.limit = limit
    }

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private var day: String { String(network.periodLabel.prefix(1)) }

    public func render() -> String {
        var out: [String] = []
        let summary = plan.summary
        out.append(style("Corridor plan — \(plan.network)", "1"))
        out.append("Status: \(plan.status)   Objective: \(Readable.number(plan.objective))   "
                   + "Horizon: \(plan.periods) \(network.periodLabel)s")
        let costs = plan.costs
        out.append("Costs: transport \(Readable.number(costs.transport)) · customs \(Readable.number(costs.customs)) · "
                   + "holding \(Readable.number(costs.holding)) · lateness \(Readable.number(costs.lateness)) · "
                   + "unmet \(Readable.number(costs.unmet))")
        var line = "Delivered \(Readable.number(summary.delivered)) of \(Readable.number(summary.quantity)) units "
            + "(\(Readable.percent(summary.deliveredPct))): on time \(Readable.number(summary.onTime)) "
            + "(\(Readable.percent(summary.onTimePct))), "
        line += summary.late > 0 ? style("late \(Readable.number(summary.late))", "33") : "late 0"
        line += ", "
        line += summary.unmet > 0 ? style("unmet \(Readable.number(summary.unmet))", "31") : "unmet 0"
        out.append(line)
        if let lp = plan.lp {
            out.append("LP: \(Readable.number(Double(lp.rows))) rows × \(Readable.number(Double(lp.columns))) columns, "
                       + "\(Readable.number(Double(lp.nonzeros))) non-zeros, \(Readable.number(Double(lp.iterations))) simplex iterations")
        }
        out.append("")
        out.append(style("Movements", "1"))
        out.append(contentsOf: movementTable())
        out.append("")
        out.append(style("Itineraries", "1"))
        out.append(contentsOf: itineraries())
        out.append("")
        out.append(style("What holds the plan back (marginal value of capacity)", "1"))
        let bottlenecks = plan.bottlenecks ?? []
        if bottlenecks.isEmpty { out.append("  nothing: no capacity limit binds at the optimum") }
        for bottleneck in bottlenecks.prefix(5) {
            out.append("  " + bottleneck.sentence(periodLabel: network.periodLabel))
        }
        if bottlenecks.count > 5 { out.append("  … and \(bottlenecks.count - 5) more (see --format json)") }
        out.append("")
        out.append(style("Busiest capacities (peak use)", "1"))
        out.append(contentsOf: busiest())
        return out.joined(separator: "\n") + "\n"
    }

    private func movementTable() -> [String] {
        let header = ["movement", "commodity", "from → to", "quantity", "delivered", "on time", "late", "unmet", "late·\(day)"]
        var rows: [[String]] = []
        for movement in plan.movements {
            rows.append([movement.id, movement.commodity, "\(movement.from) → \(movement.to)",
                         Readable.number(movement.quantity), Readable.number(movement.delivered),
                         Readable.number(movement.onTime), Readable.number(movement.late),
                         Readable.number(movement.unmet), Readable.number(movement.lateUnitPeriods)])
        }
        return Table(header: header, rows: rows, rightAligned: Set(3..<9)).lines().map { "  " + $0 }
    }

    private func itineraries() -> [String] {
        var lines: [String] = []
        let hubNames = Dictionary(network.hubs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let arcs = ArcLookup(network)
        for movement in plan.movements {
            let unit = movement.commodity
            var heading = "  \(movement.id): \(Readable.number(movement.quantity)) \(unit), "
                + "\(hubNames[movement.from] ?? movement.from) → \(hubNames[movement.to] ?? movement.to), "
                + "due \(day)\(movement.due)"
            if movement.unmet > 0 { heading += style(" — \(Readable.number(movement.unmet)) cannot arrive", "31") }
            lines.append(heading)
            for itinerary in movement.itineraries.prefix(limit) {
                var text = "    \(Readable.number(itinerary.quantity)) \(unit): "
                let legs = itinerary.legs.map { movement.legs[$0] }
                guard let first = legs.first else { continue }
                text += "\(hubNames[first.from] ?? first.from) \(day)\(first.depart)"
                var previousArrival: Int?
                for leg in legs {
                    if let arrived = previousArrival, leg.depart > arrived { text += ", waits to \(day)\(leg.depart)" }
                    text += " → \(leg.mode)"
                    if let a = arcs.arc(link: leg.link, from: leg.from, to: leg.to),
                       case let arc = network.arcs[a], arc.customs.rule != nil || arc.customs.source == .standard {
                        let delay = leg.arrive - leg.depart - arc.transit
                        let countries = "\(network.hubs[arc.from].country)→\(network.hubs[arc.to].country)"
                        text += " → customs \(countries)" + (delay > 0 ? " +\(delay) \(day)" : "")
                    }
                    text += " → \(hubNames[leg.to] ?? leg.to) \(day)\(leg.arrive)"
                    previousArrival = leg.arrive
                }
                let lateBy = itinerary.arrive - movement.due
                text += lateBy > 0 ? style("  (late by \(lateBy) \(day))", "33") : "  (on time)"
                lines.append(text)
            }
            if movement.itineraries.count > limit {
                lines.append("    … and \(movement.itineraries.count - limit) more itineraries (see --format json)")
            }
        }
        return lines
    }

    private func busiest() -> [String] {
        guard !utilization.isEmpty else { return ["  no capacity limits are in use"] }
        let header = ["kind", "element", "dimension", "peak", "capacity", "use", "peak \(network.periodLabel)", "binding in"]
        let rows = utilization.prefix(limit).map { entry -> [String] in
            [entry.kind.rawValue, entry.direction.map { "\(entry.element) \($0)" } ?? entry.element, entry.dimension,
             Readable.number(entry.peakLoad), Readable.number(entry.capacity),
             Readable.percent(entry.ratio * 100), "\(day)\(entry.peakPeriod)",
             entry.bindingPeriods.isEmpty ? "—" : PeriodRanges.describe(entry.bindingPeriods, prefix: day)]
        }
        return Table(header: header, rows: rows, rightAligned: [3, 4, 5]).lines().map { "  " + $0 }
    }
}

/// "d2–6, d9" for [2, 3, 4, 5, 6, 9].
enum PeriodRanges {
    static func describe(_ periods: [Int], prefix: String) -> String {
        var parts: [String] = []
        var index = 0
        while index < periods.count {
            var end = index
            while end + 1 < periods.count, periods[end + 1] == periods[end] + 1 { end += 1 }
            parts.append(end > index ? "\(prefix)\(periods[index])–\(periods[end])" : "\(prefix)\(periods[index])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
