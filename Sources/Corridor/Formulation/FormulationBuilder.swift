import CorridorLP

/// Builds a `Formulation` in flat arrays: movement by movement, the flow-balance part (x, y, d, u
/// and balance rows), then the shared capacity rows grouped by (place, period) with a counting sort.
/// Capacity rows that no commodity loads, or that cannot bind because every column in them is
/// bounded by its movement's quantity, are not built.
struct FormulationBuilder {
    let network: Network
    let mode: Formulation.Mode
    let keepAllCapacityRows: Bool
    var program = LinearProgram()
    var columns = Formulation.ColumnMap()
    var rows = Formulation.RowMap()
    /// Balance row of (hub, period) for the movement being built; −1 when not yet created.
    private var nodeRow: [Int32]
    private var touchedNodes: [Int] = []

    init(network: Network, mode: Formulation.Mode, keepAllCapacityRows: Bool = false) {
        self.network = network
        self.mode = mode
        self.keepAllCapacityRows = keepAllCapacityRows
        self.nodeRow = Array(repeating: -1, count: network.hubs.count * network.periods)
        program.name = "corridor"
    }

    mutating func build() -> Formulation {
        let outgoing = arcLists(\.from)
        let incoming = arcLists(\.to)
        for index in network.movements.indices {
            let movement = network.movements[index]
            let windows = mode == .literal
                ? TimeWindows.unpruned(network: network, movement: movement)
                : TimeWindows(network: network, movement: movement, outgoing: outgoing, incoming: incoming)
            addMovement(index, windows: windows)
        }
        addCapacityRows()
        return Formulation(mode: mode, program: program, columns: columns, rows: rows)
    }

    private func arcLists(_ end: KeyPath<Arc, Int>) -> [[Int]] {
        var lists = Array(repeating: [Int](), count: network.hubs.count)
        for (index, arc) in network.arcs.enumerated() { lists[arc[keyPath: end]].append(index) }
        return lists
    }

    // MARK: Flow balance

    private mutating func addMovement(_ m: Int, windows: TimeWindows) {
        let movement = network.movements[m]
        let horizon = network.periods
        let k = movement.commodity
        let uses = network.commodities[k].uses
        let deliverOnArrival = mode == .pruned
        let quantity = movement.quantity

        let origin = row(m, hub: movement.from, period: movement.release)
        program.rowLower[origin] = -quantity
        program.rowUpper[origin] = -quantity
        let unmet = column(.unmet, m, place: movement.from, period: movement.release, upper: quantity,
                           cost: movement.unmetPenalty)
        program.addEntry(row: origin, column: unmet, value: -1)

        for (a, arc) in network.arcs.enumerated() where arc.carries[k] {
            if deliverOnArrival, arc.from == movement.to { continue }
            let delay = arc.transit + arc.customs.delay[k]
            guard windows.latest[arc.to] != Int.min, windows.earliest[arc.from] != Int.max else { continue }
            let first = max(arc.openFirst, movement.release, windows.earliest[arc.from])
            let last = min(arc.openLast, min(windows.latest[arc.to], horizon - 1) - delay)
            guard first <= last else { continue }
            let unitCost = uses.dot(arc.cost + arc.customs.cost)
            for t in first...last {
                let arrive = t + delay
                let delivers = deliverOnArrival && arc.to == movement.to
                let cost = unitCost + (delivers ? lateness(movement, arrive) : 0)
                let x = column(.flow, m, place: a, period: t, arrival: arrive, upper: quantity, cost: cost)
                program.addEntry(row: row(m, hub: arc.from, period: t), column: x, value: -1)
                if !delivers {
                    program.addEntry(row: row(m, hub: arc.to, period: arrive), column: x, value: 1)
                }
            }
        }

        for (i, hub) in network.hubs.enumerated() {
            if deliverOnArrival, i == movement.to { continue }
            guard windows.latest[i] != Int.min, windows.earliest[i] != Int.max else { continue }
            let first = max(movement.release, windows.earliest[i])
            let last = min(horizon - 2, windows.latest[i] - 1)
            guard first <= last else { continue }
            let cost = uses.dot(hub.holdingCost)
            for t in first...last {
                let y = column(.hold, m, place: i, period: t, upper: quantity, cost: cost)
                program.addEntry(row: row(m, hub: i, period: t), column: y, value: -1)
                program.addEntry(row: row(m, hub: i, period: t + 1), column: y, value: 1)
            }
        }

        if !deliverOnArrival {
            for t in movement.release..<horizon {
                let d = column(.delivery, m, place: movement.to, period: t, upper: quantity,
                               cost: lateness(movement, t))
                program.addEntry(row: row(m, hub: movement.to, period: t), column: d, value: -1)
            }
        }

        for node in touchedNodes { nodeRow[node] = -1 }
        touchedNodes.removeAll(keepingCapacity: true)
    }

    private func lateness(_ movement: Movement, _ period: Int) -> Double {
        period > movement.due ? movement.latePenalty * Double(period - movement.due) : 0
    }

    /// The balance row of movement m at (hub, period), created on first use with right-hand side 0.
    private mutating func row(_ m: Int, hub: Int, period: Int) -> Int {
        let node = hub * network.periods + period
        if nodeRow[node] >= 0 { return Int(nodeRow[node]) }
        let index = program.addRow(lower: 0, upper: 0)
        rows.kind.append(.balance)
        rows.movement.append(Int32(m))
        rows.place.append(Int32(hub))
        rows.period.append(Int32(period))
        rows.dimension.append(-1)
        nodeRow[node] = Int32(index)
        touchedNodes.append(node)
        return index
    }

    private mutating func column(_ kind: Formulation.ColumnKind, _ m: Int, place: Int, period: Int,
                                 arrival: Int? = nil, upper: Double, cost: Double) -> Int {
        let index = program.addColumn(lower: 0, upper: upper, objective: cost)
        columns.kind.append(kind)
        columns.movement.append(Int32(m))
        columns.place.append(Int32(place))
        columns.period.append(Int32(period))
        columns.arrival.append(Int32(arrival ?? period))
        return index
    }
}
