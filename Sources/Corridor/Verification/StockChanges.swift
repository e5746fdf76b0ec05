/// One movement's net change of stock at the (hub, period) nodes its plan touches: supply and
/// arrivals in, departures, deliveries and unmet out. Sparse, so that verifying a movement costs
/// what its plan touches rather than hubs × periods; each node's changes add up in the order they
/// were made, as they would in a dense array.
struct StockChanges {
    /// The net change at (hub, period), with the periods a hub's stock changes in, ascending.
    struct Hub {
        var hub: Int
        var changes: [(period: Int, change: Double)]
    }

    private let horizon: Int
    /// Net change by node `hub * horizon + period`.
    private var change: [Int: Double] = [:]

    init(horizon: Int) {
        self.horizon = horizon
    }

    mutating func add(_ quantity: Double, hub: Int, period: Int) {
        change[hub * horizon + period, default: 0] += quantity
    }

    mutating func subtract(_ quantity: Double, hub: Int, period: Int) {
        change[hub * horizon + period, default: 0] -= quantity
    }

    /// The hubs touched, ascending, each with its changes (sorted and grouped on each call).
    func byHub() -> [Hub] {
        var result: [Hub] = []
        for node in change.keys.sorted() {
            let hub = node / horizon, entry = (period: node % horizon, change: change[node]!)
            if result.last?.hub == hub {
                result[result.count - 1].changes.append(entry)
            } else {
                result.append(Hub(hub: hub, changes: [entry]))
            }
        }
        return result
    }
}
