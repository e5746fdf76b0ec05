/// Splits one flow group's flow in the time-expanded network into paths, source by source: from
/// each movement's (origin, release) to a delivery at the destination. This gives each movement of
/// an aggregated group its own legs, and every movement its itineraries. A depth-first search that
/// never revisits a node within a path, so zero-transit cycles (A → B → A in one period) cannot trap
/// it; flow on such cycles, which carries nothing anywhere and costs nothing at an optimum, belongs
/// to no path and is left out.
struct FlowDecomposition {
    /// A unit of flow on the time-expanded network: a leg (an arc departing in a period) or a hold.
    struct Edge {
        var from: Int
        var to: Int
        var remaining: Double
        /// The arc, or −1 for units held over a period at a hub.
        var arc: Int
        var depart: Int
        var arrive: Int
        var hub: Int
    }

    /// One path of one source: the edges it uses, its quantity and its delivery period.
    struct Path {
        var source: Int
        var edges: [Int]
        var quantity: Double
        var arrive: Int
    }

    private let horizon: Int
    private let destination: Int
    private(set) var edges: [Edge] = []
    private var outgoing: [Int: [Int]] = [:]
    private var sink: [Int: Double]

    init(horizon: Int, destination: Int, deliveries: [Int: Double]) {
        self.horizon = horizon
        self.destination = destination
        sink = deliveries
    }

    mutating func addLeg(arc: Int, from: Int, to: Int, depart: Int, arrive: Int, quantity: Double) {
        add(Edge(from: from * horizon + depart, to: to * horizon + arrive, remaining: quantity, arc: arc,
                 depart: depart, arrive: arrive, hub: from))
    }

    mutating func addHold(hub: Int, period: Int, quantity: Double) {
        add(Edge(from: hub * horizon + period, to: hub * horizon + period + 1, remaining: quantity, arc: -1,
                 depart: period, arrive: period + 1, hub: hub))
    }

    private mutating func add(_ edge: Edge) {
        outgoing[edge.from, default: []].append(edges.count)
        edges.append(edge)
    }

    /// Paths for each source `(hub, period, supply)`, in source order. Edge quantities are consumed.
    mutating func paths(sources: [(hub: Int, period: Int, supply: Double)]) -> [Path] {
        var found: [Path] = []
        for (index, source) in sources.enumerated() {
            var left = source.supply
            let tolerance = PlanNumbers.zeroTolerance * max(1, source.supply)
            while left > tolerance, let path = findPath(from: source.hub * horizon + source.period) {
                // The path's bottleneck. It may be small next to the supply (a 3e-7 t trickle through a
                // tiny capacity beside 300 t): take it anyway and search on. Each round empties an edge,
                // the sink or the supply exactly (x − x == 0), so the loop ends.
                var amount = min(left, sink[path.end] ?? 0)
                for edge in path.edges { amount = min(amount, edges[edge].remaining) }
                for edge in path.edges { edges[edge].remaining -= amount }
                sink[path.end, default: 0] -= amount
                left -= amount
                found.append(Path(source: index, edges: path.edges, quantity: amount, arrive: path.end))
            }
        }
        return found
    }

    /// A path of edges with flow left from `start` to a destination node with deliveries left;
    /// `end` is the delivery period.
    private func findPath(from start: Int) -> (edges: [Int], end: Int)? {
        let tolerance = PlanNumbers.zeroTolerance
        var visited: Set<Int> = [start]
        var stack: [(node: Int, next: Int)] = [(start, 0)]
        var path: [Int] = []
        while let top = stack.last {
            let node = top.node
            if node / horizon == destination, (sink[node % horizon] ?? 0) > tolerance {
                return (path, node % horizon)
            }
            let candidates = outgoing[node] ?? []
            var advanced = false
            var next = top.next
            while next < candidates.count {
                let edge = candidates[next]
                next += 1
                let target = edges[edge].to
                if edges[edge].remaining > tolerance, !visited.contains(target) {
                    stack[stack.count - 1].next = next
                    visited.insert(target)
                    stack.append((target, 0))
                    path.append(edge)
                    advanced = true
                    break
                }
            }
            if !advanced {
                stack.removeLast()
                if !path.isEmpty { path.removeLast() }
            }
        }
        return nil
    }
}
