import CorridorLP

/// The LP of contract §2 for one network, with maps from every column and row back to the
/// movement, arc, hub, rule, period and dimension it stands for. Built by `Formulation.build`;
/// solved with `GLPKProblem(formulation.program)`; read back by `PlanExtractor`.
///
/// The default `.pruned` model keeps only variables that lie on some origin → destination path in
/// time and lets units arriving at their destination be delivered at once (lateness priced on the
/// arriving flow), which is exact: every optimal plan of the literal model can be turned into one of
/// this model with the same objective (see docs/formulation.md). `.literal` builds every variable
/// the contract's text allows, for cross-checks and benchmarks.
public struct Formulation: Sendable {
    /// How much of the literal model is built.
    public enum Mode: Sendable, Equatable {
        case pruned
        case literal

        /// Whether units are delivered as they arrive at their destination (pruned: no `d` columns,
        /// lateness priced on the arriving flow) rather than by delivery columns (literal).
        public var deliversOnArrival: Bool { self == .pruned }
    }

    /// What a column stands for.
    public enum ColumnKind: UInt8, Sendable {
        /// x[m, arc, t]: units departing on an arc (place = arc).
        case flow
        /// y[m, hub, t]: units held from t to t+1 (place = hub).
        case hold
        /// d[m, t]: units delivered at the destination (literal model only; place = destination).
        case delivery
        /// u[m]: units never shipped (place = origin, period = release).
        case unmet
    }

    /// What a row stands for.
    public enum RowKind: UInt8, Sendable {
        /// Flow balance of movement m at (hub, period) (place = hub).
        case balance
        /// Arc capacity in one dimension (place = arc).
        case linkCapacity
        /// Border-rule clearance capacity (place = rule).
        case borderCapacity
        /// Hub storage from period to period+1 (place = hub).
        case storage
        /// Hub handling, departures plus arrivals (place = hub).
        case handling
    }

    /// Column j is `kind[j]` of flow group `owner[j]` (of movement `owner[j]` for unmet columns) at
    /// `place[j]` in `period[j]`.
    public struct ColumnMap: Sendable {
        public var kind: [ColumnKind] = []
        public var owner: [Int32] = []
        public var place: [Int32] = []
        public var period: [Int32] = []
        /// Period the units reach the arc's head (flow columns; otherwise equals `period`).
        public var arrival: [Int32] = []
    }

    /// Row i is `kind[i]` at `place[i]`, `period[i]`, dimension `dimension[i]` (−1 for balance
    /// rows), of flow group `group[i]` (−1 for capacity rows).
    public struct RowMap: Sendable {
        public var kind: [RowKind] = []
        public var group: [Int32] = []
        public var place: [Int32] = []
        public var period: [Int32] = []
        public var dimension: [Int32] = []
    }

    public var mode: Mode
    /// The flow groups: interchangeable movements carried as one flow (singletons when not aggregated).
    public var groups: [FlowGroup]
    /// The columns of each flow group: contiguous, its unmet columns first, then flows, holds, deliveries.
    public var groupColumns: [Range<Int>]
    public var program: LinearProgram
    public var columns: ColumnMap
    public var rows: RowMap

    /// Builds the LP for `network`. Throws `InputError` when the model would not fit in memory
    /// (contract §4.12): before anything large is allocated when its column count alone says so,
    /// else once it is built, from its rows, columns and non-zeros (`SizeEstimate`), before GLPK. `keepAllCapacityRows` keeps rows that
    /// cannot bind at the given capacities, for analyses that lower capacities later (resilience).
    public static func build(_ network: Network, mode: Mode = .pruned, file: String = "network",
                             aggregate: Bool = true, keepAllCapacityRows: Bool = false,
                             memoryLimit: UInt64? = nil) throws(InputError) -> Formulation {
        let arcs = ArcTable(network)
        let groups = FlowGroup.groups(for: network, aggregate: aggregate && mode == .pruned)
        _ = try checkSize(network, mode: mode, arcs: arcs, groups: groups, file: file, memoryLimit: memoryLimit)
        var builder = FormulationBuilder(network: network, mode: mode, groups: groups,
                                         keepAllCapacityRows: keepAllCapacityRows)
        let formulation = builder.build(arcs: arcs)
        let limit = memoryLimit ?? SizeEstimate.defaultMemoryLimit
        let bytes = SizeEstimate.peakBytes(of: formulation.program)
        guard bytes <= limit else {
            throw SizeEstimate.tooLarge(formulation.program, bytes: bytes, limit: limit, file: file)
        }
        return formulation
    }

    /// Refuses (contract §4.12) a network whose LP would not fit in memory, without building it, and
    /// returns an upper bound on its column count (the pruned model has at most this many; `validate`
    /// reports it for models too large to build just to count). The quick bound ignores pruning and
    /// can be far too high (generated M: 2.3 M against 35 k columns); when it is over the memory
    /// limit or over `exactAbove`, the pruned model's exact column count is taken instead.
    public static func checkSize(_ network: Network, file: String = "network",
                                 memoryLimit: UInt64? = nil, exactAbove: Int? = nil) throws(InputError) -> Int {
        let arcs = ArcTable(network)
        return try checkSize(network, mode: .pruned, arcs: arcs, groups: FlowGroup.groups(for: network, aggregate: true),
                             file: file, memoryLimit: memoryLimit, exactAbove: exactAbove)
    }

    private static func checkSize(_ network: Network, mode: Mode, arcs: ArcTable, groups: [FlowGroup], file: String,
                                  memoryLimit: UInt64?, exactAbove: Int? = nil) throws(InputError) -> Int {
        var estimate = SizeEstimate(network: network, mode: mode, arcs: arcs)
        let limit = memoryLimit ?? SizeEstimate.defaultMemoryLimit
        if mode == .pruned, estimate.bytes > limit || estimate.columns > exactAbove ?? .max {
            estimate = SizeEstimate(exact: network, groups: groups, arcs: arcs)
        }
        if estimate.bytes > limit {
            let size = estimate.bytes == .max ? "more than 2^31 variables"
                : "about \(estimate.columns) variables, needing at least \(SizeEstimate.format(bytes: estimate.bytes))"
            throw InputError(file: file, message: "the LP is too large: \(size) against "
                + "\(SizeEstimate.format(bytes: limit)) of memory available; shorten the horizon or split the network")
        }
        return estimate.columns
    }

    /// The period in which column `j` (of this formulation of `network`) delivers units at its flow
    /// group's destination, or nil when it
    /// delivers nothing. This is the delivery rule of the two models, read back by `PlanExtractor`
    /// and `ScenarioMetrics`: in the pruned model units are delivered as they arrive (no `d` columns,
    /// docs/formulation.md step 2), so a flow column whose arc reaches its group's destination
    /// delivers there in its arrival period; in the literal model only the delivery columns d[g, t]
    /// deliver, in period t. Holds and unmet columns never deliver.
    public func deliveryPeriod(ofColumn j: Int, in network: Network) -> Int? {
        switch columns.kind[j] {
        case .flow:
            let destination = groups[Int(columns.owner[j])].destination
            guard mode.deliversOnArrival, network.arcs[Int(columns.place[j])].to == destination else { return nil }
            return Int(columns.arrival[j])
        case .delivery:
            return Int(columns.period[j])
        case .hold, .unmet:
            return nil
        }
    }

    /// GLPK-safe names for export (`x_g0_a3_t2`, `link_a3_t2_d0`, …), indices as in the network.
    public func withNames() -> LinearProgram {
        var named = program
        named.columnNames = (0..<program.numberOfColumns).map(columnName)
        named.rowNames = (0..<program.numberOfRows).map(rowName)
        return named
    }

    public func columnName(_ j: Int) -> String {
        let owner = columns.owner[j], place = columns.place[j], t = columns.period[j]
        switch columns.kind[j] {
        case .flow: return "x_g\(owner)_a\(place)_t\(t)"
        case .hold: return "y_g\(owner)_h\(place)_t\(t)"
        case .delivery: return "d_g\(owner)_t\(t)"
        case .unmet: return "u_m\(owner)"
        }
    }

    public func rowName(_ i: Int) -> String {
        let place = rows.place[i], t = rows.period[i], d = rows.dimension[i]
        switch rows.kind[i] {
        case .balance: return "bal_g\(rows.group[i])_h\(place)_t\(t)"
        case .linkCapacity: return "link_a\(place)_t\(t)_d\(d)"
        case .borderCapacity: return "border_r\(place)_t\(t)_d\(d)"
        case .storage: return "storage_h\(place)_t\(t)_d\(d)"
        case .handling: return "handling_h\(place)_t\(t)_d\(d)"
        }
    }
}
