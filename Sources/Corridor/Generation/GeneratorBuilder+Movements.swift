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
        var shortest: [Int: [Int32]] = [:]
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
                    // One array of hubs per (origin, commodity): kept to some 100 M entries (400 MB) in
                    // all (it reached 20 GB for 100,000 hubs). Only speed depends on it, never the output.
                    if (shortest.count + 1) * hubs.count > 100_000_000 { shortest.removeAll() }
                    shortest[key] = graph.earliest(from: origin, commodity: k, horizon: horizon)
                }
                (from, to, time) = (origin, destination, Int(shortest[key]![destination]))
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
            progress?(number, parameters.movements)
        }
    }
}

/// The directed arcs of the generated links with their per-commodity customs delays, for
/// shortest transit times (open windows and capacities ignored: a lower bound). Kept per commodity
/// as compressed rows (the arcs out of hub `h` are `first[h]..<first[h + 1]`), each arc's time its
/// transit plus its customs delay: `earliest` runs once per (origin, commodity) and 20,000 hubs ran
/// it tens of thousands of times, so it walks flat arrays, not structs holding arrays.
struct ArcGraph {
    /// The arcs that carry one commodity.
    struct Rows {
        var first: [Int32]
        var to: [Int32]
        var time: [Int32]
    }

    let hubCount: Int
    var rows: [Rows]
    /// The longest arc time: bucket `earliest`'s ring needs one more bucket than this.
    var longestArc: Int32 = 0

    init(builder: GeneratorBuilder) {
        hubCount = builder.hubs.count
        let commodityCount = builder.commodities.count
        var arcs = Array(repeating: [(from: Int32, to: Int32, time: Int32)](), count: commodityCount)
        for link in builder.links {
            for (a, b) in link.bothWays ? [(link.from, link.to), (link.to, link.from)] : [(link.from, link.to)] {
                let ca = builder.hubs[a].country, cb = builder.hubs[b].country
                for k in 0..<commodityCount where link.carries?.contains(k) ?? true {
                    let time = Int32(link.transit + builder.customsDelay(from: ca, to: cb, commodity: k))
                    arcs[k].append((Int32(a), Int32(b), time))
                    longestArc = max(longestArc, time)
                }
            }
        }
        rows = arcs.map { list in
            var first = Array(repeating: Int32(0), count: builder.hubs.count + 1)
            for arc in list { first[Int(arc.from) + 1] += 1 }
            for hub in 0..<builder.hubs.count { first[hub + 1] += first[hub] }
            var to = Array(repeating: Int32(0), count: list.count), time = to
            var next = first
            for arc in list {
                let slot = Int(next[Int(arc.from)])
                next[Int(arc.from)] += 1
                (to[slot], time[slot]) = (arc.to, arc.time)
            }
            return Rows(first: first, to: to, time: time)
        }
    }

    /// Earliest arrival period at every hub from `origin` at 0 (`Int32.max` beyond the horizon):
    /// Dijkstra with one bucket per period, in a ring of `longestArc + 1` buckets (an arrival is never
    /// more than that after the period being settled), stopping once no arrival is pending.
    func earliest(from origin: Int, commodity: Int, horizon: Int) -> [Int32] {
        var time = Array(repeating: Int32.max, count: hubCount)
        let ring = Int(longestArc) + 1
        var buckets = Array(repeating: [Int32](), count: ring)
        time[origin] = 0
        buckets[0].append(Int32(origin))
        var pending = 1
        let arcs = rows[commodity]
        var settling: [Int32] = []
        time.withUnsafeMutableBufferPointer { time in
            arcs.first.withUnsafeBufferPointer { first in
                arcs.to.withUnsafeBufferPointer { to in
                    arcs.time.withUnsafeBufferPointer { arcTime in
                        var period = 0
                        while period < horizon, pending > 0 {
                            let slot = period % ring
                            // Arcs of time 0 add to the bucket being settled: take it until it stays empty.
                            while !buckets[slot].isEmpty {
                                swap(&settling, &buckets[slot])
                                pending -= settling.count
                                for hub in settling where time[Int(hub)] == Int32(period) {
                                    for arc in Int(first[Int(hub)])..<Int(first[Int(hub) + 1]) {
                                        let arrival = period + Int(arcTime[arc])
                                        let target = Int(to[arc])
                                        if arrival < horizon, Int32(arrival) < time[target] {
                                            time[target] = Int32(arrival)
                                            buckets[arrival % ring].append(Int32(target))
                                            pending += 1
                                        }
                                    }
                                }
                                settling.removeAll(keepingCapacity: true)
                            }
                            period += 1
                        }
                    }
                }
            }
        }
        return time
    }
}
