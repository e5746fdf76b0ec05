extension FormulationBuilder {
    /// One (key, column) pair per appearance of a column in a capacity row family.
    struct CapacityEntry {
        var key: Int
        var column: Int
    }

    /// Adds link, border, storage and handling rows (contract §2, "Capacity").
    mutating func addCapacityRows(arcs: ArcTable) {
        let horizon = network.periods
        var linkEntries: [CapacityEntry] = []
        var borderEntries: [CapacityEntry] = []
        var storageEntries: [CapacityEntry] = []
        var handlingEntries: [CapacityEntry] = []
        let arcRule = network.arcs.map { $0.customs.rule ?? -1 }
        for j in 0..<columns.kind.count {
            let place = Int(columns.place[j]), period = Int(columns.period[j])
            switch columns.kind[j] {
            case .flow:
                linkEntries.append(.init(key: place * horizon + period, column: j))
                if arcRule[place] >= 0 {
                    borderEntries.append(.init(key: arcRule[place] * horizon + period, column: j))
                }
                handlingEntries.append(.init(key: arcs.from[place] * horizon + period, column: j))
                handlingEntries.append(.init(key: arcs.to[place] * horizon + Int(columns.arrival[j]), column: j))
            case .hold:
                storageEntries.append(.init(key: place * horizon + period, column: j))
            case .delivery, .unmet:
                break  // release supply, deliveries and unmet units use no capacity (§4.6)
            }
        }
        // uses[group][dimension], so the loops below read numbers, not structs.
        let uses = groups.map { network.commodities[$0.commodity].uses.values }
        addRows(.linkCapacity, linkEntries, capacities: network.arcs.map(\.capacity), uses: uses)
        addRows(.borderCapacity, borderEntries, capacities: network.borderRules.map(\.capacity), uses: uses)
        addRows(.storage, storageEntries, capacities: network.hubs.map(\.storage), uses: uses)
        addRows(.handling, handlingEntries, capacities: network.hubs.map(\.handling), uses: uses)
    }

    /// Groups entries by key (place · H + period) and adds one row per group and finite dimension.
    private mutating func addRows(_ kind: Formulation.RowKind, _ entries: [CapacityEntry],
                                  capacities: [DimensionVector], uses: [[Double]]) {
        let places = capacities.count
        guard !entries.isEmpty else { return }
        let horizon = network.periods
        let (offsets, order) = countingSort(entries, keys: places * horizon)
        let dimensionCount = network.dimensions.count
        func weight(of column: Int, dimension: Int) -> Double { uses[Int(columns.owner[column])][dimension] }
        for key in 0..<(places * horizon) where offsets[key] < offsets[key + 1] {
            let limit = capacities[key / horizon]
            let group = order[offsets[key]..<offsets[key + 1]]
            for dimension in 0..<dimensionCount where limit[dimension].isFinite {
                var reach = 0.0
                var loaded = false
                for column in group {
                    let weight = weight(of: column, dimension: dimension)
                    guard weight > 0 else { continue }
                    loaded = true
                    reach += weight * program.columnUpper[column]
                }
                // A row no commodity loads, or that the columns' bounds already keep, cannot bind.
                guard loaded, keepAllCapacityRows || reach > limit[dimension] else { continue }
                let row = program.addRow(lower: -.infinity, upper: limit[dimension])
                rows.kind.append(kind)
                rows.group.append(-1)
                rows.place.append(Int32(key / horizon))
                rows.period.append(Int32(key % horizon))
                rows.dimension.append(Int32(dimension))
                for column in group {
                    let weight = weight(of: column, dimension: dimension)
                    if weight > 0 { program.addEntry(row: row, column: column, value: weight) }
                }
            }
        }
    }

    /// Stable counting sort: `order[offsets[k]..<offsets[k+1]]` are the columns with key k, in order.
    private func countingSort(_ entries: [CapacityEntry], keys: Int) -> (offsets: [Int], order: [Int]) {
        var offsets = Array(repeating: 0, count: keys + 1)
        for entry in entries { offsets[entry.key + 1] += 1 }
        for key in 0..<keys { offsets[key + 1] += offsets[key] }
        var cursor = offsets
        var order = Array(repeating: 0, count: entries.count)
        for entry in entries {
            order[cursor[entry.key]] = entry.column
            cursor[entry.key] += 1
        }
        return (offsets, order)
    }
}
