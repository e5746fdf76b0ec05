/// Peak use of one capacity (a link direction, a border rule, a hub's storage or handling) in one
/// dimension: how close the plan runs it to its limit, and when.
public struct Utilization: Sendable, Equatable {
    public var kind: CapacityKind
    /// Link id, `FROM→TO` for a border rule, or hub id.
    public var element: String
    /// For links: `from→to` hub ids.
    public var direction: String?
    public var dimension: String
    public var peakLoad: Double
    public var capacity: Double
    public var peakPeriod: Int
    /// Periods in which the load reaches the capacity.
    public var bindingPeriods: [Int]

    public var ratio: Double { capacity > 0 ? peakLoad / capacity : 0 }

    /// Every finite capacity the plan uses, busiest first; ties keep network order (links, border
    /// rules, then each hub's storage and handling), so the output is stable.
    public static func compute(network: Network, loads: PlanLoads) -> [Utilization] {
        var result: [Utilization] = []
        func scan(_ kind: CapacityKind, _ element: String, _ direction: String?, _ perPeriod: [[Double]],
                  _ capacity: DimensionVector, periods: Int) {
            for (d, dimension) in network.dimensions.enumerated() where capacity[d].isFinite && capacity[d] > 0 {
                var peak = 0.0, peakPeriod = 0
                var binding: [Int] = []
                for t in 0..<periods {
                    let load = perPeriod[t][d]
                    if load > peak + 1e-9 { peak = load; peakPeriod = t }
                    if load >= capacity[d] * (1 - 1e-9) { binding.append(t) }
                }
                if peak > 1e-9 {
                    result.append(Utilization(kind: kind, element: element, direction: direction, dimension: dimension,
                                              peakLoad: PlanNumbers.clean(peak), capacity: capacity[d],
                                              peakPeriod: peakPeriod, bindingPeriods: binding))
                }
            }
        }
        let periods = network.periods
        for (a, arc) in network.arcs.enumerated() {
            scan(.link, network.links[arc.link].id, "\(network.hubs[arc.from].id)→\(network.hubs[arc.to].id)",
                 loads.link[a], arc.capacity, periods: periods)
        }
        for (r, rule) in network.borderRules.enumerated() {
            scan(.border, rule.label, nil, loads.border[r], rule.capacity, periods: periods)
        }
        for (i, hub) in network.hubs.enumerated() {
            scan(.storage, hub.id, nil, loads.storage[i], hub.storage, periods: periods - 1)
            scan(.handling, hub.id, nil, loads.handling[i], hub.handling, periods: periods)
        }
        return result.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if abs(a.ratio - b.ratio) > 1e-12 { return a.ratio > b.ratio }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
