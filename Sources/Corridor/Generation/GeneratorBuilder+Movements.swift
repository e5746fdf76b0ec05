extension GeneratorBuilder {
    /// Movements from ports, depots and airbases (mostly) to bases, 60 % across a border. Each is
    /// released so that its window is its shortest transit time plus a slack of 0…`maximumSlack`
    /// periods before the horizon ends, and is due around its shortest time (sometimes sooner:
    /// late units). Quantities are large against link capacities, so some demand is late or unmet.
    mutating func buildMovements() {
        let horizon = parameters.periods
        let graph = ArcGraph(builder: self)
        var origins: [Int] = [], destinations: [Int] = []
        for (index, hub) in hubs.enumerated() {
            let originWeight: Int, destinationWeight: Int
            switch hub.kind {
            case .port: (originWeight, destinationWeight) = (4, 1)
            case .depot: (originWeight, destinationWeight) = (3, 2)
            case .airbase: (originWeight, destinationWeight) = (2, 1)
            case .base: (originWeight, destinationWeight) = (1, 3)
            }
            origins += Array(repeating: index, count: originWeight)
            destinations += Array(repeating: index, count: destinationWeight)
        }
        var shortest: [Int: [Int]] = [:]
        let width = max(4, String(parameters.movements).count)
        for number in 1...parameters.movements {
            let k = int(0...(commodities.count - 1))
            var from = 0, to = 1, time = Int.max
            for _ in 0..<40 {
                let origin = pick(origins)
                let crossing = chance(0.6) || countries[hubs[origin].country].hubs.count < 2
                var destination = origin
                while destination == origin || (hubs[destination].country != hubs[origin].country) != crossing {
                    destination = pick(destinations)
                    if !crossing, destination != origin, hubs[destination].country != hubs[origin].country {
                        destination = pick(countries[hubs[origin].country].hubs)
                    }
                }
                let key = origin * commodities.count + k
                if shortest[key] == nil {
                    // One array of hubs per (origin, commodity): kept to some 50 M entries in all (it
                    // reached 20 GB for 100,000 hubs). Only speed depends on it, never the output.
                    if (shortest.count + 1) * hubs.count > 50_000_000 { shortest.removeAll() }
                    shortest[key] = graph.earliest(from: origin, commodity: k, horizon: horizon)
                }
                (from, to, time) = (origin, destination, shortest[key]![destination])
                if time <= horizon - 1 { break }
            }
            let template = commodities[k]
            let release: Int, due: Int
            if time <= horizon - 1 {
                release = max(0, horizon - 1 - time - int(0...maximumSlack))
                due = release + max(0, time + int(-1...2))
            } else {
                release = int(0...(horizon - 1))
                due = release + horizon / 2
            }
            let late = max(1, Int((Double(template.latePenalty) * uniform(0.5, 1.5)).rounded()))
            let unmet = max(100, Int(Self.roundTo(Double(late * horizon) * uniform(2, 4), 10)))
            let serial = String(number)
            movements.append(Movement(id: "m" + String(repeating: "0", count: width - serial.count) + serial + "-" + template.id,
                                      commodity: k, from: from, to: to,
                                      quantity: stepped(template.quantity, step: template.step),
                                      release: release, due: due, latePenalty: late, unmetPenalty: unmet))
        }
    }
}

/// The directed arcs of the generated links with their per-commodity customs delays, for
/// shortest transit times (open windows and capacities ignored: a lower bound).
struct ArcGraph {
    struct Arc {
        var to: Int
        var transit: Int
        var delay: [Int]
        var carries: [Bool]
    }

    var outgoing: [[Arc]]

    init(builder: GeneratorBuilder) {
        outgoing = Array(repeating: [], count: builder.hubs.count)
        let commodityCount = builder.commodities.count
        for link in builder.links {
            var carries = Array(repeating: link.carries == nil, count: commodityCount)
            for k in link.carries ?? [] { carries[k] = true }
            for (a, b) in link.bothWays ? [(link.from, link.to), (link.to, link.from)] : [(link.from, link.to)] {
                let ca = builder.hubs[a].country, cb = builder.hubs[b].country
                let delay = (0..<commodityCount).map { builder.customsDelay(from: ca, to: cb, commodity: $0) }
                outgoing[a].append(Arc(to: b, transit: link.transit, delay: delay, carries: carries))
            }
        }
    }

    /// Earliest arrival period at every hub from `origin` at 0 (`Int.max` beyond the horizon):
    /// Dijkstra with one bucket per period.
    func earliest(from origin: Int, commodity: Int, horizon: Int) -> [Int] {
        var time = Array(repeating: Int.max, count: outgoing.count)
        var buckets = Array(repeating: [Int](), count: horizon)
        time[origin] = 0
        buckets[0].append(origin)
        for period in 0..<horizon {
            var index = 0
            while index < buckets[period].count {
                let hub = buckets[period][index]
                index += 1
                guard time[hub] == period else { continue }
                for arc in outgoing[hub] where arc.carries[commodity] {
                    let arrival = period + arc.transit + arc.delay[commodity]
                    if arrival < horizon, arrival < time[arc.to] {
                        time[arc.to] = arrival
                        buckets[arrival].append(arc.to)
                    }
                }
            }
        }
        return time
    }
}
