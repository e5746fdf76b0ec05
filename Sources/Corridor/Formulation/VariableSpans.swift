/// The periods in which a flow group's variables exist: departures on each arc and holds at each
/// hub, from its time windows (contract §2 ranges, narrowed by pruning). Shared by the builder and
/// the exact size estimate, so both count the same variables.
struct VariableSpans {
    let network: Network
    let group: FlowGroup
    let windows: TimeWindows
    /// Units are delivered as they reach the destination (pruned model).
    let deliverOnArrival: Bool
    /// The group's earliest release.
    let release: Int

    init(network: Network, group: FlowGroup, windows: TimeWindows, deliverOnArrival: Bool) {
        self.network = network
        self.group = group
        self.windows = windows
        self.deliverOnArrival = deliverOnArrival
        release = group.movements.map { network.movements[$0].release }.min()!
    }

    /// Departure periods of x[g, arc, t], or nil when the arc carries none of the group's flow.
    func departures(on a: Int) -> ClosedRange<Int>? {
        let arc = network.arcs[a]
        guard arc.carries[group.commodity], !(deliverOnArrival && arc.from == group.destination),
              windows.latest[arc.to] != Int.min, windows.earliest[arc.from] != Int.max else { return nil }
        let delay = arc.transit + arc.customs.delay[group.commodity]
        let first = max(arc.openFirst, release, windows.earliest[arc.from])
        let last = min(arc.openLast, min(windows.latest[arc.to], network.periods - 1) - delay)
        return first <= last ? first...last : nil
    }

    /// Periods t of y[g, hub, t] (held from t to t+1), or nil.
    func holds(at i: Int) -> ClosedRange<Int>? {
        guard !(deliverOnArrival && i == group.destination),
              windows.latest[i] != Int.min, windows.earliest[i] != Int.max else { return nil }
        let first = max(release, windows.earliest[i])
        let last = min(network.periods - 2, windows.latest[i] - 1)
        return first <= last ? first...last : nil
    }
}
