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
        guard !entries.isEmpty else { return }
        let horizon = network.periods
        let dimensionCount = network.dimensions.count
        func weight(of column: Int, dimension: Int) -> Double { uses[Int(columns.owner[column])][dimension] }
        let (keys, offsets, order) = Self.grouped(entries, keys: capacities.count * horizon)
        for (position, key) in keys.enumerated() {
            let limit = capacities[key / horizon]
            let group = order[offsets[position]..<offsets[position + 1]]
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

    /// The entries' distinct keys in increasing order, and for the i-th of them its columns
    /// `order[offsets[i]..<offsets[i+1]]` in the order they were added. A counting sort when the
    /// key space (`keyCount` = places × periods) is not much larger than the entries; else a sort,
    /// so that a long horizon over many places costs memory in the entries, not in the key space.
    static func grouped(_ entries: [CapacityEntry], keys keyCount: Int)
        -> (keys: [Int], offsets: [Int], order: [Int]) {
        var keys: [Int] = []
        var offsets: [Int] = [0]
        var order: [Int] = []
        if keyCount <= 4 * entries.count + (1 << 16) {
            var counts = Array(repeating: 0, count: keyCount + 1)
            for entry in entries { counts[entry.key + 1] += 1 }
            for key in 0..<keyCount { counts[key + 1] += counts[key] }
            var cursor = counts
            order = Array(repeating: 0, count: entries.count)
            for entry in entries {
                order[cursor[entry.key]] = entry.column
                cursor[entry.key] += 1
            }
            for key in 0..<keyCount where counts[key] < counts[key + 1] {
                keys.append(key)
                offsets.append(counts[key + 1])
            }
        } else {
            // Entries of one key are added in increasing column order, so (key, column) is stable.
            order.reserveCapacity(entries.count)
            let sorted = entries.sorted { ($0.key, $0.column) < ($1.key, $1.column) }
            for entry in sorted {
                if keys.last != entry.key {
                    if !keys.isEmpty { offsets.append(order.count) }
                    keys.append(entry.key)
                }
                order.append(entry.column)
            }
            offsets.append(order.count)
        }
        return (keys, offsets, order)
    }
}
