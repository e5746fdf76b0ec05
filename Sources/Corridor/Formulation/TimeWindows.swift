/// For one flow group: the earliest period its units can be at each hub (forward from the origins at
/// release, waiting allowed) and the latest period they can leave each hub and still reach the
/// destination within the horizon (backward from the destination). A variable outside these
/// windows lies on no origin → destination path, so leaving it out cannot change the optimum.
struct TimeWindows {
    /// `earliest[i]`: first period a unit can be at hub i; `Int.max` when unreachable.
    var earliest: [Int]
    /// `latest[i]`: last period a unit at hub i can still reach the destination; `Int.min` when it cannot.
    var latest: [Int]

    /// Windows that prune nothing (the literal model of contract §2).
    static func unpruned(network: Network, release: Int) -> TimeWindows {
        TimeWindows(earliest: Array(repeating: release, count: network.hubs.count),
                    latest: Array(repeating: network.periods - 1, count: network.hubs.count))
    }

    /// The windows of a flow group in the given model: unpruned for the literal model.
    init(network: Network, group: FlowGroup, mode: Formulation.Mode, arcs: ArcTable) {
        let members = group.movements.map { network.movements[$0] }
        if mode == .literal {
            self = .unpruned(network: network, release: members.map(\.release).min()!)
        } else {
            self.init(hubs: network.hubs.count, horizon: network.periods, sources: members.map { ($0.from, $0.release) },
                      destination: group.destination, commodity: group.commodity, arcs: arcs)
        }
    }

    init(earliest: [Int], latest: [Int]) {
        self.earliest = earliest
        self.latest = latest
    }

    /// Label-setting passes over `outgoing`/`incoming` arc lists (waiting is free of time limits,
    /// so earliest arrival is monotone: a Dijkstra on periods), from every source (origin, release)
    /// of a flow group to its destination.
    init(hubs hubCount: Int, horizon: Int, sources: [(hub: Int, period: Int)], destination: Int, commodity: Int,
         arcs: ArcTable) {
        earliest = Array(repeating: Int.max, count: hubCount)
        latest = Array(repeating: Int.min, count: hubCount)

        var queue = PeriodQueue()
        for source in sources where source.period < earliest[source.hub] {
            earliest[source.hub] = source.period
            queue.push(hub: source.hub, period: source.period)
        }
        while let (hub, period) = queue.popMin() {
            guard period == earliest[hub], hub != destination else { continue }  // units stop at the destination
            for a in arcs.outgoing[hub] {
                guard let travel = arcs.travel(a, commodity) else { continue }
                let depart = max(period, arcs.openFirst[a])
                guard depart <= arcs.openLast[a] else { continue }
                let arrive = depart + travel, head = arcs.to[a]
                if arrive < horizon, arrive < earliest[head] {
                    earliest[head] = arrive
                    queue.push(hub: head, period: arrive)
                }
            }
        }

        latest[destination] = horizon - 1
        var reverse = PeriodQueue()
        reverse.push(hub: destination, period: -(horizon - 1))
        while let (hub, negated) = reverse.popMin() {
            let period = -negated
            guard period == latest[hub] else { continue }
            for a in arcs.incoming[hub] {
                let tail = arcs.from[a]
                guard tail != destination, let travel = arcs.travel(a, commodity) else { continue }
                let depart = min(period - travel, arcs.openLast[a])
                guard depart >= arcs.openFirst[a], depart >= 0, depart > latest[tail] else { continue }
                latest[tail] = depart
                reverse.push(hub: tail, period: -depart)
            }
        }
    }
}

/// A binary min-heap of (period, hub), ordered by period then hub for determinism.
struct PeriodQueue {
    private var heap: [(period: Int, hub: Int)] = []

    mutating func push(hub: Int, period: Int) {
        heap.append((period, hub))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> (hub: Int, period: Int)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (top.hub, top.period)
    }

    private func less(_ a: (period: Int, hub: Int), _ b: (period: Int, hub: Int)) -> Bool {
        a.period != b.period ? a.period < b.period : a.hub < b.hub
    }
}
