/// Each flow group's time-expanded network, read from the formulation's flow and hold columns, to
/// find the columns a failure strands: columns that no longer lie on any path from one of the group's
/// sources to a sink once some columns are closed.
///
/// Nodes are (hub, period); a flow column is an edge from (arc tail, departure) to (arc head,
/// arrival), a hold column from (hub, t) to (hub, t+1). Sources are the members' (origin, release)
/// nodes; sinks are the destination's nodes (units arriving there are delivered) and the sources
/// themselves (their unmet columns absorb units). Every feasible flow of a group is a sum of
/// source → sink paths and cycles, and removing a cycle never costs more (costs are non-negative) nor
/// breaks a capacity row (coefficients are non-negative). So some optimal solution of the failure's
/// LP leaves every stranded column at zero, and fixing them at zero does not change the optimum —
/// it spares the dual simplex from discovering, pivot by pivot, that units cut off from their
/// destination can only stay unmet.
struct FlowPathGraph: Sendable {
    /// One group's graph: compact node ids, edges in compressed rows both ways.
    private struct GroupGraph: Sendable {
        var nodeCount: Int
        var sources: [Int32]
        /// The destination's nodes and the sources.
        var sinks: [Int32]
        /// Edge e is column `column[e]` from `tail[e]` to `head[e]`.
        var column: [Int32]
        var tail: [Int32]
        var head: [Int32]
        /// Edges out of node v: `outEdges[outStart[v]..<outStart[v+1]]`; likewise into v.
        var outStart: [Int32], outEdges: [Int32]
        var inStart: [Int32], inEdges: [Int32]
    }

    private let graphs: [GroupGraph]
    /// Flow group of each column (−1 for unmet columns, which are never stranded).
    private let groupOfColumn: [Int32]

    init(formulation: Formulation, network: Network) {
        let columns = formulation.columns
        var groupOfColumn = [Int32](repeating: -1, count: columns.kind.count)
        var graphs: [GroupGraph] = []
        for (g, group) in formulation.groups.enumerated() {
            var nodeOf: [Int: Int32] = [:]
            func node(_ hub: Int, _ period: Int) -> Int32 {
                let key = hub * network.periods + period
                if let id = nodeOf[key] { return id }
                let id = Int32(nodeOf.count)
                nodeOf[key] = id
                return id
            }
            var sources: [Int32] = []
            for m in group.movements {
                let movement = network.movements[m]
                sources.append(node(movement.from, movement.release))
            }
            var edgeColumn: [Int32] = [], tail: [Int32] = [], head: [Int32] = []
            for j in formulation.groupColumns[g] {
                let period = Int(columns.period[j]), place = Int(columns.place[j])
                switch columns.kind[j] {
                case .flow:
                    let arc = network.arcs[place]
                    tail.append(node(arc.from, period))
                    head.append(node(arc.to, Int(columns.arrival[j])))
                case .hold:
                    tail.append(node(place, period))
                    head.append(node(place, period + 1))
                case .delivery, .unmet:
                    continue
                }
                edgeColumn.append(Int32(j))
                groupOfColumn[j] = Int32(g)
            }
            let arrivals = nodeOf.filter { $0.key / network.periods == group.destination }.map(\.value)
            let sinks = Array(Set(sources + arrivals)).sorted()
            let (outStart, outEdges) = Self.adjacency(tail, nodes: nodeOf.count)
            let (inStart, inEdges) = Self.adjacency(head, nodes: nodeOf.count)
            graphs.append(GroupGraph(nodeCount: nodeOf.count, sources: sources, sinks: sinks, column: edgeColumn,
                                     tail: tail, head: head, outStart: outStart, outEdges: outEdges,
                                     inStart: inStart, inEdges: inEdges))
        }
        self.graphs = graphs
        self.groupOfColumn = groupOfColumn
    }

    /// Edges grouped by `endpoint` (compressed rows).
    private static func adjacency(_ endpoint: [Int32], nodes: Int) -> (start: [Int32], edges: [Int32]) {
        var start = [Int32](repeating: 0, count: nodes + 1)
        for v in endpoint { start[Int(v) + 1] += 1 }
        for v in 0..<nodes { start[v + 1] += start[v] }
        var fill = start
        var edges = [Int32](repeating: 0, count: endpoint.count)
        for (e, v) in endpoint.enumerated() {
            edges[Int(fill[Int(v)])] = Int32(e)
            fill[Int(v)] += 1
        }
        return (start, edges)
    }

    /// The columns (ascending, none of `closed`) that lie on no source → sink path of their group
    /// once the `closed` columns are gone. Only groups with a closed column are searched: the others
    /// keep every path they had.
    func strandedColumns(closing closed: [Int]) -> [Int] {
        var isClosed = Set<Int32>()
        var groups = Set<Int>()
        for j in closed where groupOfColumn[j] >= 0 {
            isClosed.insert(Int32(j))
            groups.insert(Int(groupOfColumn[j]))
        }
        var stranded: [Int] = []
        for g in groups.sorted() {
            let graph = graphs[g]
            let open = graph.column.map { !isClosed.contains($0) }
            let fromSource = Self.reach(graph.sources, graph.nodeCount, start: graph.outStart, edges: graph.outEdges,
                                        next: graph.head, open: open)
            let toSink = Self.reach(graph.sinks, graph.nodeCount, start: graph.inStart, edges: graph.inEdges,
                                    next: graph.tail, open: open)
            for e in graph.column.indices where open[e] && !(fromSource[Int(graph.tail[e])] && toSink[Int(graph.head[e])]) {
                stranded.append(Int(graph.column[e]))
            }
        }
        return stranded.sorted()
    }

    /// Nodes reachable from `roots` over open edges (`next[e]` is the node edge e leads to).
    private static func reach(_ roots: [Int32], _ nodes: Int, start: [Int32], edges: [Int32], next: [Int32],
                              open: [Bool]) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodes)
        var stack: [Int32] = []
        for root in roots where !seen[Int(root)] {
            seen[Int(root)] = true
            stack.append(root)
        }
        while let v = stack.popLast() {
            for k in Int(start[Int(v)])..<Int(start[Int(v) + 1]) {
                let e = Int(edges[k])
                let w = Int(next[e])
                if open[e] && !seen[w] {
                    seen[w] = true
                    stack.append(Int32(w))
                }
            }
        }
        return seen
    }
}
