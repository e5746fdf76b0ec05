/// One movement's net change of stock at the (hub, period) nodes its plan touches: supply and
/// arrivals in, departures, deliveries and unmet out. Sparse, so that verifying a movement costs
/// what its plan touches rather than hubs × periods; each node's changes add up in the order they
/// were made, as they would in a dense array.
struct StockChanges {
    /// The net change at (hub, period), with the periods a hub's stock changes in, ascending, and
    /// how far printing may have moved the numbers that made it (`hidden`: 1e-9 for flows printed
    /// as 0, which are not here, and the sum of the others' `PlanNumbers.largestCleaningError`).
    struct Hub {
        var hub: Int
        var changes: [(period: Int, change: Double, hidden: Double)]
    }

    private let horizon: Int
    /// Net change by node `hub * horizon + period`.
    private var change: [Int: Double] = [:]
    /// Σ largest cleaning error of each quantity, by node.
    private var hidden: [Int: Double] = [:]

    init(horizon: Int) {
        self.horizon = horizon
    }

    mutating func add(_ quantity: Double, hub: Int, period: Int) {
        change[hub * horizon + period, default: 0] += quantity
        // A printed 0 may be a zeroed value: the 1e-9 every node gets in `byHub` covers it.
        hidden[hub * horizon + period, default: 0] += quantity == 0 ? 0 : PlanNumbers.largestCleaningError(quantity)
    }

    mutating func subtract(_ quantity: Double, hub: Int, period: Int) {
        change[hub * horizon + period, default: 0] -= quantity
        // A printed 0 may be a zeroed value: the 1e-9 every node gets in `byHub` covers it.
        hidden[hub * horizon + period, default: 0] += quantity == 0 ? 0 : PlanNumbers.largestCleaningError(quantity)
    }

    /// The hubs touched, ascending, each with its changes (sorted and grouped on each call).
    func byHub() -> [Hub] {
        var result: [Hub] = []
        for node in change.keys.sorted() {
            let hub = node / horizon, entry = (period: node % horizon, change: change[node]!,
                                           hidden: PlanNumbers.zeroTolerance + hidden[node]!)
            if result.last?.hub == hub {
                result[result.count - 1].changes.append(entry)
            } else {
                result.append(Hub(hub: hub, changes: [entry]))
            }
        }
        return result
    }
}
