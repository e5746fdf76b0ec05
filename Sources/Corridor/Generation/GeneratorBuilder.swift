/// Builds one generated network step by step (geography, links, customs, movements) and renders
/// it. Every random draw goes through `random`, in a fixed order; see `NetworkGenerator`.
struct GeneratorBuilder {
    /// A capacity or cost vector over (t, pax, teu); nil entries are left out of the document.
    typealias Vector = [Double?]

    struct Country {
        var code: String
        var row: Int
        var column: Int
        var centerX: Double
        var centerY: Double
        var coastal: Bool
        var hubs: [Int] = []
    }

    struct Hub {
        var id: String
        var name: String
        var country: Int
        var kind: HubKind
        /// Planar position in kilometres.
        var x: Double
        var y: Double
        var storage: Vector?
        var holdingCost: Vector?
        /// Handling limit as a share of the capacity of the links that touch the hub (set after links).
        var handlingShare: Double?
        var handling: Vector?
    }

    struct Link {
        var id: String
        var from: Int
        var to: Int
        var mode: LinkMode
        var transit: Int
        var capacity: Vector
        var cost: Vector
        var open: (first: Int, last: Int)?
        /// Commodity indices; nil for all.
        var carries: [Int]?
        var bothWays: Bool
    }

    struct BorderRule {
        var from: Int
        var to: Int
        var delay: Int
        /// (commodity index, delay) for dangerous goods.
        var delayByCommodity: [(commodity: Int, delay: Int)]
        var capacity: Double = 0
        var cost: Vector
        var bothWays: Bool
    }

    struct Agreement {
        var name: String
        var members: [Int]
    }

    struct Movement {
        var id: String
        var commodity: Int
        var from: Int
        var to: Int
        var quantity: Int
        var release: Int
        var due: Int
        var latePenalty: Int
        var unmetPenalty: Int
    }

    /// ISO 3166 user-assigned codes, so no generated country is mistaken for a real one.
    static let countryCodes = ["QM", "QN", "QP", "QR", "QS", "QT", "QU", "QV", "QW", "QX", "QY", "QZ",
                               "XA", "XB", "XC", "XD"]

    let parameters: NetworkGenerator.Parameters
    let maximumSlack: Int
    var random: SeededGenerator
    let commodities: [CommodityTemplate]
    var countries: [Country] = []
    var hubs: [Hub] = []
    var links: [Link] = []
    /// "mode|a|b" of every link, for duplicate checks (lookup only, never iterated).
    var linkKeys: Set<String> = []
    var neighbourPairs: [(Int, Int)] = []
    var rules: [BorderRule] = []
    var agreements: [Agreement] = []
    var customsDefaultDelay = 2
    var movements: [Movement] = []

    /// Told (movements made, movements asked for) as movements are drawn.
    var progress: ((Int, Int) -> Void)?

    init(parameters: NetworkGenerator.Parameters, maximumSlack: Int) {
        self.parameters = parameters
        self.maximumSlack = maximumSlack
        random = SeededGenerator(seed: parameters.seed)
        commodities = CommodityTemplate.first(parameters.commodities)
    }

    mutating func build() {
        placeHubs()
        buildLinks()
        buildCustoms()
        setHandlingLimits()
        buildMovements()
    }

    // MARK: - Random draws

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + random.below(range.count)
    }

    mutating func chance(_ probability: Double) -> Bool { random.unit() < probability }

    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * random.unit() }

    /// A multiple of `step` in `range`.
    mutating func stepped(_ range: ClosedRange<Int>, step: Int) -> Int {
        int((range.lowerBound / step)...(range.upperBound / step)) * step
    }

    mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

    static func distance(_ a: Hub, _ b: Hub) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y
        return (dx * dx + dy * dy).squareRoot()
    }

    static func roundTo(_ value: Double, _ step: Double) -> Double { (value / step).rounded() * step }

    // MARK: - Geography

    /// Countries on a grid of cells, hubs scattered in their country's cell.
    mutating func placeHubs() {
        let hubCount = parameters.hubs
        let roughCountries = Int((Double(hubCount).squareRoot() / 2).rounded())
        let countryCount = min(hubCount, max(2, min(Self.countryCodes.count - 4, roughCountries)))
        // Hubs per country: one each, the rest shared by random weights (largest remainder).
        let weights = (0..<countryCount).map { _ in uniform(0.6, 1.4) }
        let total = weights.reduce(0, +)
        let spare = hubCount - countryCount
        let shares = weights.map { Double(spare) * $0 / total }
        var counts = shares.map { 1 + Int($0.rounded(.down)) }
        let order = shares.indices.sorted {
            let a = shares[$0] - shares[$0].rounded(.down), b = shares[$1] - shares[$1].rounded(.down)
            return a != b ? a > b : $0 < $1
        }
        for index in order.prefix(hubCount - counts.reduce(0, +)) { counts[index] += 1 }

        var columns = 1
        while columns * columns < countryCount { columns += 1 }
        let rows = (countryCount + columns - 1) / columns
        let cell = max(250, 110 * (Double(hubCount) / Double(countryCount)).squareRoot() * 1.15)
        for c in 0..<countryCount {
            let row = c / columns, column = c % columns
            let coastal = row == 0 || column == 0 || chance(0.3)
            countries.append(Country(code: Self.countryCodes[c], row: row, column: column,
                                     centerX: (Double(column) + 0.5 + uniform(-0.1, 0.1)) * cell,
                                     centerY: (Double(row) + 0.5 + uniform(-0.1, 0.1)) * cell,
                                     coastal: coastal))
        }
        for c in 0..<countryCount {
            let n = counts[c]
            let ports = countries[c].coastal ? max(1, Int((Double(n) * 0.08).rounded())) : 0
            let airbases = n >= 4 ? max(1, Int((Double(n) * 0.06).rounded())) : 0
            let depots = min(n - min(n, ports + airbases), Int((Double(n) * 0.2).rounded()))
            let width = n >= 100 ? 3 : 2
            var numbers: [HubKind: Int] = [:]
            for k in 0..<n {
                let kind: HubKind = k < ports ? .port : k < ports + airbases ? .airbase
                    : k < ports + airbases + depots ? .depot : .base
                let number = (numbers[kind] ?? 0) + 1
                numbers[kind] = number
                let serial = String(k + 1)
                let id = countries[c].code + String(repeating: "0", count: max(0, width - serial.count)) + serial
                var hub = Hub(id: id, name: "\(countries[c].code) \(kind.rawValue) \(number)", country: c, kind: kind,
                              x: countries[c].centerX + uniform(-0.45, 0.45) * cell,
                              y: countries[c].centerY + uniform(-0.45, 0.45) * cell)
                decorate(&hub)
                countries[c].hubs.append(hubs.count)
                hubs.append(hub)
            }
        }
        self.gridWidth = Double(columns) * cell
        self.gridHeight = Double(rows) * cell
    }

    var gridWidth = 1.0
    var gridHeight = 1.0

    /// Storage, holding costs and (later) handling limits by kind of hub.
    mutating func decorate(_ hub: inout Hub) {
        switch hub.kind {
        case .port:
            hub.storage = [Double(stepped(15_000...40_000, step: 1000)), Double(stepped(2000...6000, step: 500)),
                           Double(stepped(800...3000, step: 100))]
            hub.holdingCost = [Double(int(1...3)), Double(int(20...40)), Double(int(3...8))]
            if chance(0.5) { hub.handlingShare = uniform(0.35, 0.6) }
        case .airbase:
            if chance(0.7) { hub.handlingShare = uniform(0.4, 0.7) }
            if chance(0.5) { hub.holdingCost = [Double(int(1...2)), Double(int(10...30)), nil] }
        case .depot:
            if chance(0.6) {
                hub.storage = [Double(stepped(4000...20_000, step: 1000)), nil, Double(stepped(300...1500, step: 100))]
                hub.holdingCost = [1, nil, Double(int(2...5))]
            }
            if chance(0.25) { hub.handlingShare = uniform(0.4, 0.7) }
        case .base:
            if chance(0.2) { hub.storage = [Double(stepped(2000...10_000, step: 500)), Double(stepped(1000...4000, step: 500)), nil] }
            if chance(0.1) { hub.handlingShare = uniform(0.4, 0.7) }
        }
    }

    /// Handling limits: a share of the capacity of the links that touch the hub, per dimension.
    mutating func setHandlingLimits() {
        var touching = Array(repeating: [0.0, 0.0, 0.0], count: hubs.count)
        for link in links {
            let directions = link.bothWays ? 2.0 : 1.0
            for end in [link.from, link.to] {
                for d in 0..<3 { touching[end][d] += (link.capacity[d] ?? 0) * directions }
            }
        }
        for i in hubs.indices {
            guard let share = hubs[i].handlingShare else { continue }
            let t = max(100, Self.roundTo(touching[i][0] * share / 2, 100))
            let pax = touching[i][1] > 0 ? max(100, Self.roundTo(touching[i][1] * share / 2, 100)) : nil
            hubs[i].handling = [t, pax, nil]
        }
    }
}
