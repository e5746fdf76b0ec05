/// The customs section of a network — directed border rules, agreements and the default — and
/// the rule of contract §1 that picks the customs of a crossing.
struct CustomsTable {
    var rules: [BorderRule] = []
    var agreements: [Agreement] = []
    var standard: CustomsDefault
    var commodityCount: Int
    private var ruleIndex: [String: Int] = [:]

    init(standard: CustomsDefault, commodityCount: Int) {
        self.standard = standard
        self.commodityCount = commodityCount
    }

    private static func key(_ from: String, _ to: String) -> String { "\(from)\u{1}\(to)" }

    func rule(from: String, to: String) -> Int? { ruleIndex[Self.key(from, to)] }

    /// Adds a directed rule; false when the pair already has one.
    mutating func add(_ rule: BorderRule) -> Bool {
        let key = Self.key(rule.from, rule.to)
        guard ruleIndex[key] == nil else { return false }
        ruleIndex[key] = rules.count
        rules.append(rule)
        return true
    }

    /// None within a country; an explicit rule if there is one (rules always win); none between
    /// members of one agreement (not transitive); otherwise `customs_default`.
    func customs(from: String, to: String) -> Customs {
        if from == to {
            return Customs(source: .domestic, delay: Array(repeating: 0, count: commodityCount),
                           cost: .zeros(standard.cost.count))
        }
        if let index = rule(from: from, to: to) {
            return Customs(source: .rule(index), delay: rules[index].delay, cost: rules[index].cost)
        }
        if let agreement = agreements.firstIndex(where: { $0.members.contains(from) && $0.members.contains(to) }) {
            return Customs(source: .agreement(agreement), delay: Array(repeating: 0, count: commodityCount),
                           cost: .zeros(standard.cost.count))
        }
        return Customs(source: .standard, delay: Array(repeating: standard.delay, count: commodityCount),
                       cost: standard.cost)
    }
}

extension NetworkDecoder.Builder {
    func readCustoms(_ root: ObjectReader, dimensions: [String], commodities: [Commodity]) -> CustomsTable {
        var standard = CustomsDefault(delay: 0, cost: .zeros(dimensions.count))
        if let node = root.field("customs_default"),
           let object = ObjectReader(node, path: "customs_default", allowed: ["delay", "cost"], log: log) {
            standard.delay = object.integer("delay", in: 0...1_000_000) ?? 0
            standard.cost = object.vector("cost", dimensions: dimensions, missing: 0) ?? .zeros(dimensions.count)
        }
        var table = CustomsTable(standard: standard, commodityCount: commodities.count)

        let ruleKeys = ["from", "to", "delay", "delay_by_commodity", "capacity", "cost", "both_ways"]
        objects(root, "borders", required: false, minimum: 0, allowed: ruleKeys) { index, object in
            let from = object.identifier("from", required: true)
            let to = object.identifier("to", required: true)
            if let from, let to, from == to {
                log.report(object.path("to"), object.field("to"), "a border rule needs two different countries (both are \"\(from)\")")
            }
            let delay = object.integer("delay", in: 0...1_000_000) ?? 0
            var delays = Array(repeating: delay, count: commodities.count)
            let commodityIDs = commodities.map(\.id)
            if let node = object.field("delay_by_commodity"),
               let overrides = ObjectReader(node, path: object.path("delay_by_commodity"),
                                            allowed: commodityIDs, log: log) {
                for (commodity, id) in commodityIDs.enumerated() where overrides.has(id) {
                    if let value = overrides.integer(id, in: 0...1_000_000) { delays[commodity] = value }
                }
            }
            let capacity = object.vector("capacity", dimensions: dimensions, missing: .infinity) ?? .unlimited(dimensions.count)
            let cost = object.vector("cost", dimensions: dimensions, missing: 0) ?? .zeros(dimensions.count)
            let bothWays = object.bool("both_ways") ?? false
            guard let from, let to, from != to else { return }
            let directions = bothWays ? [(from, to, false), (to, from, true)] : [(from, to, false)]
            for (head, tail, reverse) in directions {
                let rule = BorderRule(from: head, to: tail, declaredIndex: index, isReverse: reverse, delay: delays,
                                      capacity: capacity, cost: cost)
                if !table.add(rule) {
                    log.report(object.path("from"), object.field("from"),
                               "a second border rule for \(head) → \(tail)\(reverse ? " (through both_ways)" : "")")
                }
            }
        }

        objects(root, "agreements", required: false, minimum: 0, allowed: ["name", "members"]) { index, object in
            guard let members = object.list("members", required: true) else { return }
            var countries: [String] = []
            for (position, member) in members.enumerated() {
                if let country = log.identifier(member, "\(object.path("members"))[\(position)]") { countries.append(country) }
            }
            table.agreements.append(Agreement(name: object.text("name") ?? "agreement \(index + 1)", members: countries))
        }
        return table
    }
}
