/// A transport link as declared in the network (road, rail, air or sea), with `both_ways` unexpanded.
public struct Link: Sendable, Equatable {
    public var id: String
    public var from: Int
    public var to: Int
    public var mode: String
    public var bothWays: Bool

    public init(id: String, from: Int, to: Int, mode: String, bothWays: Bool) {
        self.id = id
        self.from = from
        self.to = to
        self.mode = mode
        self.bothWays = bothWays
    }
}

/// One direction of a link, with everything the model needs: timing, capacity, cost, the periods
/// it may depart in, the commodities it carries and the customs it crosses.
public struct Arc: Sendable, Equatable {
    /// Index of the declared link (several arcs share a link's `id` when it is `both_ways`).
    public var link: Int
    public var from: Int
    public var to: Int
    /// True for the `to → from` direction of a `both_ways` link.
    public var isReverse: Bool
    public var mode: String
    public var transit: Int
    /// Per departure period; infinite entries are unlimited.
    public var capacity: DimensionVector
    public var cost: DimensionVector
    /// First and last departure period, clipped to the horizon; empty when `openFirst > openLast`.
    public var openFirst: Int
    public var openLast: Int
    /// `carries[k]`: commodity k may use this arc.
    public var carries: [Bool]
    public var customs: Customs

    public init(link: Int, from: Int, to: Int, isReverse: Bool, mode: String, transit: Int,
                capacity: DimensionVector, cost: DimensionVector, openFirst: Int, openLast: Int,
                carries: [Bool], customs: Customs) {
        self.link = link
        self.from = from
        self.to = to
        self.isReverse = isReverse
        self.mode = mode
        self.transit = transit
        self.capacity = capacity
        self.cost = cost
        self.openFirst = openFirst
        self.openLast = openLast
        self.carries = carries
        self.customs = customs
    }

    public func isOpen(at period: Int) -> Bool {
        period >= openFirst && period <= openLast
    }
}

/// The customs an arc crosses (contract §1, "Customs on a link").
public struct Customs: Sendable, Equatable {
    /// Why this arc has the customs it has.
    public enum Source: Sendable, Equatable {
        /// Both hubs are in one country.
        case domestic
        /// The countries share an agreement and no explicit rule applies.
        case agreement(Int)
        /// An explicit border rule (index into `Network.borderRules`).
        case rule(Int)
        /// `customs_default`.
        case standard
    }

    public var source: Source
    /// Delay per commodity, in periods.
    public var delay: [Int]
    /// Cost per unit of dimension cleared.
    public var cost: DimensionVector

    public init(source: Source, delay: [Int], cost: DimensionVector) {
        self.source = source
        self.delay = delay
        self.cost = cost
    }

    /// The border rule whose capacity this arc loads, if any.
    public var rule: Int? {
        if case .rule(let index) = source { return index }
        return nil
    }

    public var isCrossing: Bool { source != .domestic }
}

/// One direction of a border rule: delay, shared clearance capacity and cost for every link from a
/// hub in `from` to a hub in `to`.
public struct BorderRule: Sendable, Equatable {
    public var from: String
    public var to: String
    /// Index of the rule in the document's `borders` list.
    public var declaredIndex: Int
    public var isReverse: Bool
    /// Delay per commodity (`delay_by_commodity` already applied).
    public var delay: [Int]
    /// Per departure period, shared by all crossing links; infinite entries are unlimited.
    public var capacity: DimensionVector
    public var cost: DimensionVector

    /// `FROM→TO`, e.g. "DE→PL": how reports and resilience elements name this direction.
    public var label: String { "\(from)→\(to)" }

    public init(from: String, to: String, declaredIndex: Int, isReverse: Bool, delay: [Int],
                capacity: DimensionVector, cost: DimensionVector) {
        self.from = from
        self.to = to
        self.declaredIndex = declaredIndex
        self.isReverse = isReverse
        self.delay = delay
        self.capacity = capacity
        self.cost = cost
    }
}
