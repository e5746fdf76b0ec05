/// A validated, index-resolved network: every reference is an index, every vector has one entry per
/// dimension, `both_ways` links and border rules are expanded into directed arcs and rules, and each
/// arc knows its customs. This is what formulations, verifiers and analyses read; build it with
/// `NetworkDecoder`.
public struct Network: Sendable {
    /// Display name (`name`, or the file name).
    public var name: String
    /// The horizon H: periods 0 … H−1.
    public var periods: Int
    public var periodLabel: String
    /// Capacity dimensions; every `DimensionVector` is indexed like this list.
    public var dimensions: [String]
    public var commodities: [Commodity]
    public var hubs: [Hub]
    /// Links as declared (one per `id`).
    public var links: [Link]
    /// Directed arcs: each link forward, and its reverse when `both_ways`.
    public var arcs: [Arc]
    /// Directed border rules (a `both_ways` rule gives two, each with its own capacity).
    public var borderRules: [BorderRule]
    public var agreements: [Agreement]
    public var customsDefault: CustomsDefault
    public var movements: [Movement]

    public init(name: String, periods: Int, periodLabel: String, dimensions: [String],
                commodities: [Commodity], hubs: [Hub], links: [Link], arcs: [Arc],
                borderRules: [BorderRule], agreements: [Agreement], customsDefault: CustomsDefault,
                movements: [Movement]) {
        self.name = name
        self.periods = periods
        self.periodLabel = periodLabel
        self.dimensions = dimensions
        self.commodities = commodities
        self.hubs = hubs
        self.links = links
        self.arcs = arcs
        self.borderRules = borderRules
        self.agreements = agreements
        self.customsDefault = customsDefault
        self.movements = movements
    }

    /// Countries that appear on hubs, sorted.
    public var countries: [String] {
        Array(Set(hubs.map(\.country))).sorted()
    }

    /// Periods an arc departing in `period` takes to deliver commodity `commodity` at its head:
    /// transit plus customs delay.
    public func arrival(arc: Int, departing period: Int, commodity: Int) -> Int {
        period + arcs[arc].transit + arcs[arc].customs.delay[commodity]
    }
}

/// Something that must be moved (contract §1, "movement").
public struct Movement: Sendable, Equatable {
    public var id: String
    public var commodity: Int
    public var from: Int
    public var to: Int
    public var quantity: Double
    public var release: Int
    /// Latest on-time arrival period; may exceed the horizon.
    public var due: Int
    public var latePenalty: Double
    public var unmetPenalty: Double

    public init(id: String, commodity: Int, from: Int, to: Int, quantity: Double, release: Int, due: Int,
                latePenalty: Double, unmetPenalty: Double) {
        self.id = id
        self.commodity = commodity
        self.from = from
        self.to = to
        self.quantity = quantity
        self.release = release
        self.due = due
        self.latePenalty = latePenalty
        self.unmetPenalty = unmetPenalty
    }
}

/// A kind of unit that moves (troops, fuel, vehicles) and the capacity one unit consumes.
public struct Commodity: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Capacity consumed per unit, one entry per dimension.
    public var uses: DimensionVector

    public init(id: String, name: String, uses: DimensionVector) {
        self.id = id
        self.name = name
        self.uses = uses
    }
}

/// A place where units wait, load and unload: a base, port, airfield or depot.
public struct Hub: Sendable, Equatable {
    public var id: String
    public var name: String
    public var country: String
    public var latitude: Double?
    public var longitude: Double?
    /// Most held over from one period to the next (infinite: unlimited).
    public var storage: DimensionVector
    /// Most departing plus arriving in one period (infinite: unlimited).
    public var handling: DimensionVector
    /// Cost per unit of dimension held over one period.
    public var holdingCost: DimensionVector

    public init(id: String, name: String, country: String, latitude: Double?, longitude: Double?,
                storage: DimensionVector, handling: DimensionVector, holdingCost: DimensionVector) {
        self.id = id
        self.name = name
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.storage = storage
        self.handling = handling
        self.holdingCost = holdingCost
    }
}

/// A group of countries with no customs between its members (contract §1, "agreement").
public struct Agreement: Sendable, Equatable {
    public var name: String
    public var members: [String]

    public init(name: String, members: [String]) {
        self.name = name
        self.members = members
    }
}

/// Customs for a crossing with no rule and no agreement: a delay and a cost, never a capacity.
public struct CustomsDefault: Sendable, Equatable {
    public var delay: Int
    public var cost: DimensionVector

    public init(delay: Int, cost: DimensionVector) {
        self.delay = delay
        self.cost = cost
    }
}

extension Network {
    /// Arc indices by hub: `arcLists(\.from)[i]` leave hub i, `arcLists(\.to)[i]` arrive there.
    func arcLists(_ end: KeyPath<Arc, Int>) -> [[Int]] {
        var lists = Array(repeating: [Int](), count: hubs.count)
        for (index, arc) in arcs.enumerated() { lists[arc[keyPath: end]].append(index) }
        return lists
    }
}
