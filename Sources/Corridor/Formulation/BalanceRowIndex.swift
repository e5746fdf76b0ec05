/// The balance row of each (hub, period) node of the flow group being built. A dense table of
/// hubs × periods entries when that is small; a hash table when it is not, since a long horizon over
/// many hubs (2,000 hubs × 1,000,000 periods) would otherwise allocate gigabytes for a model that
/// touches a few thousand nodes.
struct BalanceRowIndex {
    /// Above this many (hub, period) pairs the index is a hash table (2^24 entries: 64 MiB dense).
    static let defaultDenseLimit = 1 << 24

    private let periods: Int
    /// Whether the table is dense (hubs × periods entries) rather than hashed.
    let isDense: Bool
    /// Row of node hub · periods + period, −1 when not yet created (dense form only).
    private var dense: [Int32]
    private var sparse: [Int: Int32] = [:]
    private var touched: [Int] = []

    init(hubs: Int, periods: Int, denseLimit: Int = defaultDenseLimit) {
        self.periods = periods
        let (nodes, overflow) = hubs.multipliedReportingOverflow(by: periods)
        isDense = !overflow && nodes <= denseLimit
        dense = isDense ? Array(repeating: -1, count: nodes) : []
    }

    /// The row of (hub, period), nil when it has not been created for this group.
    func row(hub: Int, period: Int) -> Int? {
        let node = hub * periods + period
        if isDense { return dense[node] >= 0 ? Int(dense[node]) : nil }
        return sparse[node].map(Int.init)
    }

    mutating func setRow(_ row: Int, hub: Int, period: Int) {
        let node = hub * periods + period
        if isDense {
            dense[node] = Int32(row)
            touched.append(node)
        } else {
            sparse[node] = Int32(row)
        }
    }

    /// Forgets every row, for the next flow group.
    mutating func removeAll() {
        if isDense {
            for node in touched { dense[node] = -1 }
            touched.removeAll(keepingCapacity: true)
        } else {
            sparse.removeAll(keepingCapacity: true)
        }
    }
}
