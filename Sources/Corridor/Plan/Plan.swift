/// An optimal movement plan: what moves where and when, what arrives late and what cannot arrive,
/// with the cost of each part. Its JSON (`--format json`, contract §3) is stable and documented in
/// docs/plan-json.md; `corridor verify` reads it back, also when edited by hand.
public struct Plan: Codable, Sendable, Equatable {
    public var network: String
    /// `optimal` for every plan Corridor prints.
    public var status: String
    /// The LP's objective at the solution (`PlanExtractor.objective`: c·x with solver noise below 1e-12 dropped).
    public var objective: Double
    public var costs: CostBreakdown
    public var periods: Int
    public var periodLabel: String
    public var summary: PlanSummary
    public var movements: [MovementPlan]
    /// Size of the LP that was solved (absent in hand-written plans).
    public var lp: LPStatistics?
    /// Capacities that hold the plan back, most valuable first (from the LP's duals).
    public var bottlenecks: [Bottleneck]?

    public init(network: String, status: String, objective: Double, costs: CostBreakdown, periods: Int,
                periodLabel: String, summary: PlanSummary, movements: [MovementPlan], lp: LPStatistics?) {
        self.network = network
        self.status = status
        self.objective = objective
        self.costs = costs
        self.periods = periods
        self.periodLabel = periodLabel
        self.summary = summary
        self.movements = movements
        self.lp = lp
        self.bottlenecks = nil
    }
}

/// The objective split by what it pays for (contract §2's four sums, transport split from customs).
public struct CostBreakdown: Codable, Sendable, Equatable {
    public var transport: Double
    public var customs: Double
    public var holding: Double
    public var lateness: Double
    public var unmet: Double

    public init(transport: Double = 0, customs: Double = 0, holding: Double = 0, lateness: Double = 0, unmet: Double = 0) {
        self.transport = transport
        self.customs = customs
        self.holding = holding
        self.lateness = lateness
        self.unmet = unmet
    }

    public var total: Double { transport + customs + holding + lateness + unmet }
}

/// Totals over all movements, in units of their commodities.
public struct PlanSummary: Codable, Sendable, Equatable {
    public var quantity: Double
    public var delivered: Double
    public var onTime: Double
    public var late: Double
    public var unmet: Double
    public var lateUnitPeriods: Double
    /// delivered / quantity × 100.
    public var deliveredPct: Double
    /// on time / quantity × 100.
    public var onTimePct: Double

    public init(movements: [MovementPlan]) {
        quantity = PlanNumbers.clean(movements.reduce(0) { $0 + $1.quantity })
        delivered = PlanNumbers.clean(movements.reduce(0) { $0 + $1.delivered })
        onTime = PlanNumbers.clean(movements.reduce(0) { $0 + $1.onTime })
        late = PlanNumbers.clean(movements.reduce(0) { $0 + $1.late })
        unmet = PlanNumbers.clean(movements.reduce(0) { $0 + $1.unmet })
        lateUnitPeriods = PlanNumbers.clean(movements.reduce(0) { $0 + $1.lateUnitPeriods })
        deliveredPct = quantity > 0 ? PlanNumbers.clean(delivered / quantity * 100) : 100
        onTimePct = quantity > 0 ? PlanNumbers.clean(onTime / quantity * 100) : 100
    }
}

/// The plan of one movement.
public struct MovementPlan: Codable, Sendable, Equatable {
    public var id: String
    public var commodity: String
    public var from: String
    public var to: String
    public var quantity: Double
    public var release: Int
    public var due: Int
    public var delivered: Double
    public var onTime: Double
    public var late: Double
    public var unmet: Double
    /// Σ delivered units × periods late.
    public var lateUnitPeriods: Double
    /// Every non-zero x[m, l, t], by departure period.
    public var legs: [Leg]
    /// Units delivered at the destination, by period.
    public var deliveries: [Delivery]
    /// The flow decomposed into paths from origin to destination.
    public var itineraries: [Itinerary]

    public init(id: String, commodity: String, from: String, to: String, quantity: Double, release: Int, due: Int,
                delivered: Double, onTime: Double, late: Double, unmet: Double, lateUnitPeriods: Double,
                legs: [Leg], deliveries: [Delivery], itineraries: [Itinerary]) {
        self.id = id
        self.commodity = commodity
        self.from = from
        self.to = to
        self.quantity = quantity
        self.release = release
        self.due = due
        self.delivered = delivered
        self.onTime = onTime
        self.late = late
        self.unmet = unmet
        self.lateUnitPeriods = lateUnitPeriods
        self.legs = legs
        self.deliveries = deliveries
        self.itineraries = itineraries
    }
}

/// Units of one movement departing on one link direction in one period.
public struct Leg: Codable, Sendable, Equatable {
    public var link: String
    public var from: String
    public var to: String
    public var mode: String
    public var depart: Int
    /// depart + transit + customs delay.
    public var arrive: Int
    public var quantity: Double

    public init(link: String, from: String, to: String, mode: String, depart: Int, arrive: Int, quantity: Double) {
        self.link = link
        self.from = from
        self.to = to
        self.mode = mode
        self.depart = depart
        self.arrive = arrive
        self.quantity = quantity
    }
}

/// Units delivered at the destination in one period.
public struct Delivery: Codable, Sendable, Equatable {
    public var period: Int
    public var quantity: Double

    public init(period: Int, quantity: Double) {
        self.period = period
        self.quantity = quantity
    }
}

/// One path of a movement's flow: `quantity` units over `legs` (indices into the movement's legs),
/// delivered in period `arrive`.
public struct Itinerary: Codable, Sendable, Equatable {
    public var quantity: Double
    public var legs: [Int]
    public var arrive: Int

    public init(quantity: Double, legs: [Int], arrive: Int) {
        self.quantity = quantity
        self.legs = legs
        self.arrive = arrive
    }
}

/// The size of the LP behind a plan and the work it took.
public struct LPStatistics: Codable, Sendable, Equatable {
    public var formulation: String
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    public var iterations: Int

    public init(formulation: String, rows: Int, columns: Int, nonzeros: Int, iterations: Int) {
        self.formulation = formulation
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
        self.iterations = iterations
    }
}
