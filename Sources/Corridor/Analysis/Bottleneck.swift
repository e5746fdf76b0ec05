/// A capacity that holds the plan back, read from the optimal LP's row duals and aggregated over
/// periods: which element and dimension, the periods where it binds, and its marginal value.
///
/// Sign convention: `marginalValue` is the amount by which the objective would *fall* for one more
/// unit of capacity in each listed period (per unit of the dimension, per period), i.e. minus the
/// row dual of the minimisation. It is ≥ 0; larger means more valuable. Like every dual, it holds
/// for small changes only, and in a degenerate LP it is one of several valid values.
public struct Bottleneck: Codable, Sendable, Equatable {
    /// Which capacity: a link direction, a border rule, a hub's storage or its handling.
    public var kind: CapacityKind
    /// Link id, hub id, or `FROM→TO` countries for a border rule.
    public var id: String
    /// Link direction (hub ids) or border rule countries.
    public var from: String?
    public var to: String?
    public var dimension: String
    public var capacity: Double
    /// Periods with a non-zero marginal value, ascending.
    public var periods: [Int]
    /// Objective decrease for one more unit of capacity in every listed period.
    public var marginalValue: Double
    /// The marginal value of each listed period.
    public var marginalByPeriod: [Double]

    public init(kind: CapacityKind, id: String, from: String?, to: String?, dimension: String, capacity: Double,
                periods: [Int], marginalValue: Double, marginalByPeriod: [Double]) {
        self.kind = kind
        self.id = id
        self.from = from
        self.to = to
        self.dimension = dimension
        self.capacity = capacity
        self.periods = periods
        self.marginalValue = marginalValue
        self.marginalByPeriod = marginalByPeriod
    }

    /// "1 more t/day of DE→PL clearance on days 2–6 would lower the objective by 340".
    public func sentence(periodLabel: String) -> String {
        let what: String
        switch kind {
        case .link: what = "capacity on link \(id) \(from ?? "")→\(to ?? "")"
        case .border: what = "\(id) clearance"
        case .storage: what = "storage at \(id)"
        case .handling: what = "handling at \(id)"
        }
        let days = PeriodRanges.describe(periods, prefix: "")
        let label = periods.count == 1 ? periodLabel : periodLabel + "s"
        return "1 more \(dimension)/\(periodLabel) of \(what) on \(label) \(days) would lower the objective by "
            + Readable.number(marginalValue)
    }
}

/// Ranks the capacities that limit a plan (see `Bottleneck`).
public enum BottleneckAnalysis {
    /// Duals no larger than this in magnitude (an absolute figure, in objective units per unit of
    /// capacity) are treated as zero: solver noise, not a binding limit.
    static let tolerance = 1e-9

    public static func compute(network: Network, formulation: Formulation, rowDuals: [Double]) -> [Bottleneck] {
        struct Key: Hashable {
            var kind: Formulation.RowKind
            var place: Int32
            var dimension: Int32
        }
        var groups: [Key: [(period: Int, value: Double)]] = [:]
        var order: [Key] = []
        let rows = formulation.rows
        for i in 0..<rows.kind.count where rows.kind[i] != .balance {
            let value = -rowDuals[i]
            guard abs(value) > tolerance else { continue }
            let key = Key(kind: rows.kind[i], place: rows.place[i], dimension: rows.dimension[i])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((Int(rows.period[i]), value))
        }
        var result: [Bottleneck] = []
        for key in order {
            let entries = groups[key]!.sorted { $0.period < $1.period }
            let place = Int(key.place), dimension = Int(key.dimension)
            let kind: CapacityKind, id: String, capacity: Double
            var from: String?, to: String?
            switch key.kind {
            case .linkCapacity:
                let arc = network.arcs[place]
                (kind, id, capacity) = (.link, network.links[arc.link].id, arc.capacity[dimension])
                (from, to) = (network.hubs[arc.from].id, network.hubs[arc.to].id)
            case .borderCapacity:
                let rule = network.borderRules[place]
                (kind, id, capacity) = (.border, rule.label, rule.capacity[dimension])
                (from, to) = (rule.from, rule.to)
            case .storage:
                (kind, id, capacity) = (.storage, network.hubs[place].id, network.hubs[place].storage[dimension])
            case .handling:
                (kind, id, capacity) = (.handling, network.hubs[place].id, network.hubs[place].handling[dimension])
            case .balance:
                continue
            }
            result.append(Bottleneck(kind: kind, id: id, from: from, to: to, dimension: network.dimensions[dimension],
                                     capacity: capacity, periods: entries.map(\.period),
                                     marginalValue: PlanNumbers.clean(entries.reduce(0) { $0 + $1.value }),
                                     marginalByPeriod: entries.map { PlanNumbers.clean($0.value) }))
        }
        return result.enumerated().sorted { lhs, rhs in
            lhs.element.marginalValue != rhs.element.marginalValue
                ? lhs.element.marginalValue > rhs.element.marginalValue : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
