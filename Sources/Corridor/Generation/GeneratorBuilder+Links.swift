extension GeneratorBuilder {
    /// Road and rail trees inside each country (so every country is connected), crossings between
    /// neighbouring countries, long sea and air links, then extra domestic links up to the count.
    mutating func buildLinks() {
        let target = parameters.links
        neighbourPairs = findNeighbourPairs()
        let crossTarget = min(max(neighbourPairs.count, target * 12 / 100), target / 3)
        let longTarget = min(target * 8 / 100, target - crossTarget)
        let treeTarget = min(hubs.count - countries.count, target - crossTarget - longTarget)

        // Domestic spanning trees: each hub joins its nearest earlier hub in the same country.
        var treeLinks: [(Int, Int)] = []
        for country in countries {
            for (position, hub) in country.hubs.enumerated() where position > 0 {
                var best = country.hubs[0]
                var bestDistance = Double.infinity
                for other in country.hubs[..<position] {
                    let d = Self.distance(hubs[hub], hubs[other])
                    if d < bestDistance { best = other; bestDistance = d }
                }
                treeLinks.append((best, hub))
            }
        }
        for (a, b) in treeLinks.prefix(treeTarget) {
            let railish = hubs[a].kind != .base && hubs[b].kind != .base
            addLink(a, b, mode: chance(railish ? 0.6 : 0.3) ? .rail : .road)
        }

        // Crossings, spread over the neighbouring pairs round-robin.
        var crossings = Array(repeating: 0, count: neighbourPairs.count)
        if !neighbourPairs.isEmpty {
            for index in 0..<crossTarget { crossings[index % neighbourPairs.count] += 1 }
        }
        for (index, (a, b)) in neighbourPairs.enumerated() {
            for (from, to) in closestPairs(a, b, count: crossings[index]) {
                let mode: LinkMode = chance(0.7) ? .road : .rail
                if !addLink(from, to, mode: mode) { addLink(from, to, mode: mode == .road ? .rail : .road) }
            }
        }

        // Long links: sea between ports, air between airbases, of different countries.
        let ports = hubs.indices.filter { hubs[$0].kind == .port }
        let airbases = hubs.indices.filter { hubs[$0].kind == .airbase }
        var added = 0, attempts = 0
        while added < longTarget, attempts < longTarget * 20 {
            attempts += 1
            let useSea = !ports.isEmpty && (airbases.count < 2 || chance(0.5))
            let pool = useSea ? ports : airbases
            guard pool.count >= 2 else { break }
            let a = pick(pool), b = pick(pool)
            guard hubs[a].country != hubs[b].country else { continue }
            if addLink(a, b, mode: useSea ? .sea : .air) { added += 1 }
        }

        // Extra domestic links between near neighbours until the count is reached: each to one of
        // the hub's five nearest in its country, found when the hub is first drawn (a full sorted
        // list per hub took memory and time quadratic in the hubs of a country).
        // Stops too after many draws in a row add nothing: the hubs have no room left (asking 20,000
        // hubs for a million links drew 30 M times, ten minutes, for the 240,000 there is room for).
        var nearest: [Int: [Int]] = [:]
        attempts = 0
        var fruitless = 0
        let missing = target - links.count
        let stalled = max(1000, 20 * hubs.count)
        while links.count < target, attempts < max(100, missing * 30), fruitless < stalled {
            attempts += 1
            fruitless += 1
            let hub = int(0...(hubs.count - 1))
            let candidates = nearest[hub] ?? nearestInCountry(hub, count: 5)
            nearest[hub] = candidates
            guard !candidates.isEmpty else { continue }
            let other = candidates[int(0...(candidates.count - 1))]
            if addLink(hub, other, mode: chance(0.65) ? .road : .rail) { fruitless = 0 }
        }

        // Still short (few hubs, mostly alone in their countries: 2 hubs and 1 link made none):
        // more crossings, by road, rail, then sea or air, closest pairs first. Reached only when the domestic
        // links ran out, so the networks of every other count are as they were.
        for (a, b) in neighbourPairs where links.count < target {
            for (from, to) in closestPairs(a, b, count: countries[a].hubs.count) {
                var modes: [LinkMode] = [.road, .rail]
                if hubs[from].kind == .port, hubs[to].kind == .port { modes.append(.sea) }
                if hubs[from].kind == .airbase, hubs[to].kind == .airbase { modes.append(.air) }
                for mode in modes where links.count < target { addLink(from, to, mode: mode) }
            }
        }
    }

    /// The `count` hubs of `hub`'s country nearest to it, nearest first (ties by index).
    func nearestInCountry(_ hub: Int, count: Int) -> [Int] {
        var best: [(distance: Double, hub: Int)] = []
        for other in countries[hubs[hub].country].hubs where other != hub {
            let candidate = (distance: Self.distance(hubs[hub], hubs[other]), hub: other)
            guard best.count < count || candidate < best[best.count - 1] else { continue }
            let index = best.firstIndex { candidate < $0 } ?? best.count
            best.insert(candidate, at: index)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.hub)
    }

    /// Country pairs (lower index first) whose cells touch: sides always, corners sometimes.
    mutating func findNeighbourPairs() -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for a in countries.indices {
            for b in countries.indices where b > a {
                let dr = abs(countries[a].row - countries[b].row), dc = abs(countries[a].column - countries[b].column)
                if dr + dc == 1 || (dr == 1 && dc == 1 && chance(0.3)) { pairs.append((a, b)) }
            }
        }
        if pairs.isEmpty, countries.count >= 2 { pairs.append((0, 1)) }
        return pairs
    }

    /// The `count` closest hub pairs between two countries, each hub of `a` at most once.
    func closestPairs(_ a: Int, _ b: Int, count: Int) -> [(Int, Int)] {
        guard count > 0 else { return [] }
        var candidates: [(from: Int, to: Int, distance: Double)] = []
        for from in countries[a].hubs {
            var best = -1
            var bestDistance = Double.infinity
            for to in countries[b].hubs {
                let d = Self.distance(hubs[from], hubs[to])
                if d < bestDistance { best = to; bestDistance = d }
            }
            if best >= 0 { candidates.append((from, best, bestDistance)) }
        }
        candidates.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.from < $1.from }
        return candidates.prefix(count).map { ($0.from, $0.to) }
    }

    /// Adds a link with the attributes of its mode; false when the pair already has one of that mode.
    @discardableResult
    mutating func addLink(_ a: Int, _ b: Int, mode: LinkMode) -> Bool {
        guard a != b else { return false }
        let key = "\(mode.rawValue)|\(min(a, b))|\(max(a, b))"
        guard !linkKeys.contains(key) else { return false }
        linkKeys.insert(key)
        let horizon = parameters.periods
        let distance = Self.distance(hubs[a], hubs[b])
        let allCommodities = Array(commodities.indices)
        var link = Link(id: "\(mode.rawValue)-\(hubs[a].id)-\(hubs[b].id)", from: a, to: b, mode: mode, transit: 1,
                        capacity: [nil, nil, nil], cost: [nil, nil, nil], open: nil, carries: nil, bothWays: false)
        switch mode {
        case .road:
            let short = distance < 70 && chance(0.5)
            link.transit = short ? 0 : max(1, Int((distance * 1.25 / 500).rounded(.up)))
            link.capacity = [Double(stepped(500...1800, step: 50)), Double(stepped(300...1200, step: 50)), nil]
            link.cost = [Self.roundTo(1 + distance * 0.01, 0.1), Self.roundTo(0.5 + distance * 0.002, 0.1), nil]
            link.bothWays = chance(0.85)
            if chance(0.08) { link.carries = allCommodities.filter { !commodities[$0].dangerous } }
        case .rail:
            link.transit = max(1, Int((distance * 1.2 / 400).rounded(.up)))
            let passengers = chance(0.5)
            link.capacity = [Double(stepped(1500...5000, step: 100)),
                             passengers ? Double(stepped(600...1500, step: 100)) : nil,
                             Double(stepped(60...240, step: 10))]
            link.cost = [Self.roundTo(0.5 + distance * 0.005, 0.1), nil, Self.roundTo(2 + distance * 0.02, 0.1)]
            if !passengers { link.carries = allCommodities.filter { !commodities[$0].personnel } }
            if chance(0.15) {
                link.open = chance(0.5) ? (int(1...max(1, horizon / 4)), horizon - 1)
                    : (0, horizon - 1 - int(1...max(1, horizon / 4)))
            }
            link.bothWays = chance(0.75)
        case .sea:
            link.transit = 1 + Int((distance / 600).rounded(.up))
            link.capacity = [Double(stepped(8000...25_000, step: 1000)), Double(stepped(400...1200, step: 100)),
                             Double(stepped(400...1500, step: 100))]
            link.cost = [Self.roundTo(0.3 + distance * 0.001, 0.1), 2, 3]
            if chance(0.5) {
                let first = int(0...max(0, horizon / 3))
                link.open = (first, min(horizon - 1, first + int(max(1, horizon / 4)...max(1, horizon / 2))))
            }
            link.bothWays = chance(0.5)
        case .air:
            link.transit = distance > 1200 ? 1 : 0
            link.capacity = [Double(stepped(60...300, step: 10)), Double(stepped(300...1200, step: 50)), nil]
            link.cost = [Self.roundTo(30 + distance * 0.02, 0.1), Self.roundTo(3 + distance * 0.004, 0.1), nil]
            link.carries = allCommodities.filter { commodities[$0].airlift }
            if chance(0.2) {
                let first = int(0...max(0, horizon / 2))
                link.open = (first, min(horizon - 1, first + int(max(1, horizon / 4)...max(1, horizon / 2))))
            }
            link.bothWays = chance(0.8)
        }
        if let carries = link.carries, carries.isEmpty || carries.count == commodities.count { link.carries = nil }
        links.append(link)
        return true
    }
}
