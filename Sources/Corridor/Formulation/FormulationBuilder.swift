import CorridorLP

/// Builds a `Formulation` in flat arrays: flow group by flow group, the flow-balance part (x, y, d,
/// u and balance rows), then the shared capacity rows grouped by (place, period).
/// Capacity rows that no commodity loads, or that cannot bind because every column in them is
/// bounded by its group's quantity, are not built.
struct FormulationBuilder {
    let network: Network
    let mode: Formulation.Mode
    let keepAllCapacityRows: Bool
    let groups: [FlowGroup]
    var program = LinearProgram()
    var columns = Formulation.ColumnMap()
    var rows = Formulation.RowMap()
    /// Balance rows of the group being built.
    private var balanceRows: BalanceRowIndex

    /// `groups` are the flow groups of `network` (`FlowGroup.groups`, aggregated only when pruned).
    /// `denseLimit` is `BalanceRowIndex`'s (tests lower it to build with the hash table).
    init(network: Network, mode: Formulation.Mode, groups: [FlowGroup], keepAllCapacityRows: Bool = false,
         denseLimit: Int = BalanceRowIndex.defaultDenseLimit) {
        self.network = network
        self.mode = mode
        // The literal model keeps every capacity row, like an analysis that lowers capacities later.
        self.keepAllCapacityRows = keepAllCapacityRows || mode == .literal
        self.groups = groups
        self.balanceRows = BalanceRowIndex(hubs: network.hubs.count, periods: network.periods, denseLimit: denseLimit)
        program.name = "corridor"
    }

    /// `arcs` is `ArcTable(network)`, built once by the caller (the size guard uses it too).
    mutating func build(arcs: ArcTable) -> Formulation {
        let unitCosts = network.arcs.map { arc in
            let cost = arc.cost + arc.customs.cost
            return network.commodities.map { $0.uses.dot(cost) }
        }
        var groupColumns: [Range<Int>] = []
        for (g, group) in groups.enumerated() {
            let windows = TimeWindows(network: network, group: group, mode: mode, arcs: arcs)
            let first = program.numberOfColumns
            addGroup(g, windows: windows, arcs: arcs, unitCosts: unitCosts)
            groupColumns.append(first..<program.numberOfColumns)
        }
        addCapacityRows(arcs: arcs)
        return Formulation(mode: mode, groups: groups, groupColumns: groupColumns, program: program,
                           columns: columns, rows: rows)
    }

    // MARK: Flow balance

    /// `unitCosts[a][k]`: transport and customs cost of one unit of commodity k on arc a.
    private mutating func addGroup(_ g: Int, windows: TimeWindows, arcs: ArcTable, unitCosts: [[Double]]) {
        let group = groups[g]
        let horizon = network.periods
        let k = group.commodity
        let uses = network.commodities[k].uses
        let deliverOnArrival = mode.deliversOnArrival
        let quantity = group.quantity
        let spans = VariableSpans(network: network, arcs: arcs, group: group, windows: windows,
                                  deliverOnArrival: deliverOnArrival)

        // Supply and unmet per movement, at its own (origin, release).
        for m in group.movements {
            let movement = network.movements[m]
            let origin = row(g, hub: movement.from, period: movement.release)
            program.rowLower[origin] -= movement.quantity
            program.rowUpper[origin] -= movement.quantity
            let unmet = column(.unmet, m, place: movement.from, period: movement.release, upper: movement.quantity,
                               cost: movement.unmetPenalty)
            program.addEntry(row: origin, column: unmet, value: -1)
        }

        for a in 0..<arcs.count {
            guard let departures = spans.departures(on: a), let delay = arcs.travel(a, k) else { continue }
            let unitCost = unitCosts[a][k]
            let tail = arcs.from[a], head = arcs.to[a]
            // The delivery rule of `Formulation.deliveryPeriod(ofColumn:in:)`.
            let delivers = deliverOnArrival && head == group.destination
            for t in departures {
                let arrive = t + delay
                let cost = unitCost + (delivers ? group.lateness(at: arrive) : 0)
                let x = column(.flow, g, place: a, period: t, arrival: arrive, upper: quantity, cost: cost)
                program.addEntry(row: row(g, hub: tail, period: t), column: x, value: -1)
                if !delivers {
                    program.addEntry(row: row(g, hub: head, period: arrive), column: x, value: 1)
                }
            }
        }

        for (i, hub) in network.hubs.enumerated() {
            guard let holds = spans.holds(at: i) else { continue }
            let cost = uses.dot(hub.holdingCost)
            for t in holds {
                let y = column(.hold, g, place: i, period: t, upper: quantity, cost: cost)
                program.addEntry(row: row(g, hub: i, period: t), column: y, value: -1)
                program.addEntry(row: row(g, hub: i, period: t + 1), column: y, value: 1)
            }
        }

        if !deliverOnArrival {
            for t in spans.release..<horizon {
                let d = column(.delivery, g, place: group.destination, period: t, upper: quantity,
                               cost: group.lateness(at: t))
                program.addEntry(row: row(g, hub: group.destination, period: t), column: d, value: -1)
            }
        }

        balanceRows.removeAll()
    }

    /// The balance row of group g at (hub, period), created on first use with right-hand side 0.
    private mutating func row(_ g: Int, hub: Int, period: Int) -> Int {
        if let existing = balanceRows.row(hub: hub, period: period) { return existing }
        let index = program.addRow(lower: 0, upper: 0)
        rows.kind.append(.balance)
        rows.group.append(Int32(g))
        rows.place.append(Int32(hub))
        rows.period.append(Int32(period))
        rows.dimension.append(-1)
        balanceRows.setRow(index, hub: hub, period: period)
        return index
    }

    /// `owner` is the group, or the movement for an unmet column.
    private mutating func column(_ kind: Formulation.ColumnKind, _ owner: Int, place: Int, period: Int,
                                 arrival: Int? = nil, upper: Double, cost: Double) -> Int {
        let index = program.addColumn(lower: 0, upper: upper, objective: cost)
        columns.kind.append(kind)
        columns.owner.append(Int32(owner))
        columns.place.append(Int32(place))
        columns.period.append(Int32(period))
        columns.arrival.append(Int32(arrival ?? period))
        return index
    }
}
