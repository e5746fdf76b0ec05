extension GeneratorBuilder {
    /// A customs union over most countries (and a smaller pact when there are four or more), border
    /// rules on some crossings — also between union members, where the rule wins — and a slow
    /// `customs_default` for the rest. Clearance capacity is a share (15–35 %) of the crossing links'
    /// capacity, so busy borders bind.
    mutating func buildCustoms() {
        let count = countries.count
        var union = (0..<count).filter { _ in chance(0.7) }
        if union.count < 2 { union = [0, 1] }
        agreements.append(Agreement(name: "Customs union", members: union))
        if count >= 4 {
            var pact: [Int] = []
            let size = int(2...min(3, count))
            while pact.count < size {
                let country = int(0...(count - 1))
                if !pact.contains(country) { pact.append(country) }
            }
            agreements.append(Agreement(name: "Northern pact", members: pact.sorted()))
        }

        // Country pairs joined by some link, in order of first appearance.
        var pairs: [(Int, Int)] = []
        var seen = Set<Int>()
        for link in links {
            let a = hubs[link.from].country, b = hubs[link.to].country
            guard a != b else { continue }
            let key = min(a, b) * count + max(a, b)
            if seen.insert(key).inserted { pairs.append((min(a, b), max(a, b))) }
        }
        var ruleBetweenMembers = false
        for (a, b) in pairs {
            let members = inAgreement(a, b)
            guard chance(members ? 0.4 : 0.8) else { continue }
            if members { ruleBetweenMembers = true }
            addRules(a, b, members: members)
        }
        // Make sure some explicit rule beats the agreement.
        if !ruleBetweenMembers, let pair = pairs.first(where: { inAgreement($0.0, $0.1) }) {
            addRules(pair.0, pair.1, members: true)
        }
        for index in rules.indices { rules[index].capacity = clearanceCapacity(rules[index]) }
    }

    func inAgreement(_ a: Int, _ b: Int) -> Bool {
        agreements.contains { $0.members.contains(a) && $0.members.contains(b) }
    }

    /// One rule for both directions, or one direction (sometimes with its own reverse rule).
    mutating func addRules(_ a: Int, _ b: Int, members: Bool) {
        guard rule(from: a, to: b) == nil, rule(from: b, to: a) == nil else { return }
        if chance(0.65) {
            rules.append(makeRule(a, b, members: members, bothWays: true))
        } else {
            let forward = chance(0.5)
            rules.append(makeRule(forward ? a : b, forward ? b : a, members: members, bothWays: false))
            if chance(0.4) { rules.append(makeRule(forward ? b : a, forward ? a : b, members: members, bothWays: false)) }
        }
    }

    mutating func makeRule(_ from: Int, _ to: Int, members: Bool, bothWays: Bool) -> BorderRule {
        let delay = members ? int(0...1) : int(1...2)
        var byCommodity: [(commodity: Int, delay: Int)] = []
        for (index, commodity) in commodities.enumerated() where commodity.dangerous {
            byCommodity.append((index, delay + int(1...2)))
        }
        let cost: Vector = [Double(int(1...6)), chance(0.5) ? Double(int(1...3)) : nil, chance(0.5) ? Double(int(5...20)) : nil]
        return BorderRule(from: from, to: to, delay: delay, delayByCommodity: byCommodity, cost: cost, bothWays: bothWays)
    }

    /// The rule for a directed country pair (its own or through `both_ways`).
    func rule(from a: Int, to b: Int) -> Int? {
        rules.firstIndex { ($0.from == a && $0.to == b) || ($0.bothWays && $0.from == b && $0.to == a) }
    }

    /// 15–35 % of the tonnes per period that the crossing links can carry in the rule's busier direction.
    mutating func clearanceCapacity(_ rule: BorderRule) -> Double {
        var forward = 0.0, backward = 0.0
        for link in links {
            let a = hubs[link.from].country, b = hubs[link.to].country
            let t = link.capacity[0] ?? 0
            for (x, y) in link.bothWays ? [(a, b), (b, a)] : [(a, b)] {
                if x == rule.from && y == rule.to { forward += t }
                if x == rule.to && y == rule.from { backward += t }
            }
        }
        let busiest = rule.bothWays ? max(forward, backward) : forward
        return max(100, Self.roundTo(busiest * uniform(0.15, 0.35), 100))
    }

    /// Customs delay for commodity `k` on a link from country `a` to country `b` (contract §1).
    func customsDelay(from a: Int, to b: Int, commodity k: Int) -> Int {
        if a == b { return 0 }
        if let index = rule(from: a, to: b) {
            return rules[index].delayByCommodity.first { $0.commodity == k }?.delay ?? rules[index].delay
        }
        if inAgreement(a, b) { return 0 }
        return customsDefaultDelay
    }
}
