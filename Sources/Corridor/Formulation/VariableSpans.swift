/// The periods in which a flow group's variables exist: departures on each arc and holds at each
/// hub, from its time windows (contract §2 ranges, narrowed by pruning). Shared by the builder and
/// the exact size estimate, so both count the same variables.
struct VariableSpans {
    let arcs: ArcTable
    let horizon: Int
    let group: FlowGroup
    let windows: TimeWindows
    /// Units are delivered as they reach the destination (pruned model).
    let deliverOnArrival: Bool
    /// The group's earliest release.
    let release: Int

    init(network: Network, arcs: ArcTable, group: FlowGroup, windows: TimeWindows, deliverOnArrival: Bool) {
        self.arcs = arcs
        horizon = network.periods
        self.group = group
        self.windows = windows
        self.deliverOnArrival = deliverOnArrival
        release = group.movements.map { network.movements[$0].release }.min()!
    }

    /// Departure periods of x[g, arc, t], or nil when the arc carries none of the group's flow.
    func departures(on a: Int) -> ClosedRange<Int>? {
        let tail = arcs.from[a], head = arcs.to[a]
        guard let travel = arcs.travel(a, group.commodity), !(deliverOnArrival && tail == group.destination),
              windows.latest[head] != Int.min, windows.earliest[tail] != Int.max else { return nil }
        let first = max(arcs.openFirst[a], release, windows.earliest[tail])
        let last = min(arcs.openLast[a], min(windows.latest[head], horizon - 1) - travel)
        return first <= last ? first...last : nil
    }

    /// Periods t of y[g, hub, t] (held from t to t+1), or nil.
    func holds(at i: Int) -> ClosedRange<Int>? {
        guard !(deliverOnArrival && i == group.destination),
              windows.latest[i] != Int.min, windows.earliest[i] != Int.max else { return nil }
        let first = max(release, windows.earliest[i])
        let last = min(horizon - 2, windows.latest[i] - 1)
        return first <= last ? first...last : nil
    }
}
