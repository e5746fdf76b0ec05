/// Splits one movement's flow in the time-expanded network into paths from (origin, release) to a
/// delivery at the destination: the itineraries of a plan. A depth-first search that never revisits
/// a node per path, so zero-transit cycles (A → B → A in the same period) cannot trap it; flow on
/// such cycles, which carries nothing anywhere, is simply left out of the itineraries.
struct FlowDecomposition {
    private struct Edge {
        var to: Int
        var remaining: Double
        /// Index into the movement's legs, or −1 for units held over a period.
        var leg: Int
    }

    private let horizon: Int
    private let source: Int
    private let destination: Int
    private var edges: [Edge] = []
    private var outgoing: [Int: [Int]] = [:]
    private var sink: [Int: Double]
    private let total: Double

    init(network: Network, movement: Movement,
         flows: [(arc: Int, depart: Int, arrive: Int, quantity: Double)],
         holds: [(hub: Int, period: Int, quantity: Double)],
         deliveries: [Int: Double]) {
        horizon = network.periods
        source = movement.from * horizon + movement.release
        destination = movement.to
        sink = deliveries
        total = deliveries.values.reduce(0, +)
        for (index, flow) in flows.enumerated() {
            let arc = network.arcs[flow.arc]
            add(from: arc.from * horizon + flow.depart, to: arc.to * horizon + flow.arrive, quantity: flow.quantity, leg: index)
        }
        for hold in holds {
            add(from: hold.hub * horizon + hold.period, to: hold.hub * horizon + hold.period + 1, quantity: hold.quantity, leg: -1)
        }
    }

    private mutating func add(from: Int, to: Int, quantity: Double, leg: Int) {
        outgoing[from, default: []].append(edges.count)
        edges.append(Edge(to: to, remaining: quantity, leg: leg))
    }

    mutating func itineraries() -> [Itinerary] {
        var found: [Itinerary] = []
        var assigned = 0.0
        let tolerance = PlanNumbers.zeroTolerance * max(1, total)
        while total - assigned > tolerance, let path = findPath() {
            var amount = total - assigned
            amount = min(amount, sink[path.end] ?? 0)
            for edge in path.edges { amount = min(amount, edges[edge].remaining) }
            guard amount > tolerance else { break }
            for edge in path.edges { edges[edge].remaining -= amount }
            sink[path.end, default: 0] -= amount
            assigned += amount
            let legs = path.edges.map { edges[$0].leg }.filter { $0 >= 0 }
            if let same = found.firstIndex(where: { $0.legs == legs && $0.arrive == path.end }) {
                found[same].quantity += amount
            } else {
                found.append(Itinerary(quantity: amount, legs: legs, arrive: path.end))
            }
        }
        return found.map { Itinerary(quantity: PlanNumbers.clean($0.quantity), legs: $0.legs, arrive: $0.arrive) }
    }

    /// A path of edges with flow left, from the source to a destination node with deliveries left;
    /// `end` is the delivery period.
    private func findPath() -> (edges: [Int], end: Int)? {
        let tolerance = PlanNumbers.zeroTolerance
        var visited: Set<Int> = [source]
        var stack: [(node: Int, next: Int)] = [(source, 0)]
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
