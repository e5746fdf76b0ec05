extension NetworkDecoder.Builder {
    func readCommodities(_ root: ObjectReader, dimensions: [String]) -> [Commodity] {
        var commodities: [Commodity] = []
        var ids: [String: String] = [:]
        objects(root, "commodities", required: true, minimum: 1, allowed: ["id", "name", "uses"]) { _, object in
            let id = object.identifier("id", required: true)
            var uses = DimensionVector.zeros(dimensions.count)
            uses[0] = 1
            // An invalid `uses` has been reported; the commodity still exists, so that references to
            // it do not add "unknown commodity" errors (the network is rejected anyway).
            if let given = object.vector("uses", dimensions: dimensions, missing: 0) { uses = given }
            guard let id, register(id, in: &ids, object: object, what: "commodity") else { return }
            commodities.append(Commodity(id: id, name: object.text("name") ?? id, uses: uses))
        }
        return commodities
    }

    func readHubs(_ root: ObjectReader, dimensions: [String]) -> [Hub] {
        var hubs: [Hub] = []
        var ids: [String: String] = [:]
        let allowed = ["id", "name", "country", "lat", "lon", "storage", "handling", "holding_cost"]
        objects(root, "hubs", required: true, minimum: 2, allowed: allowed) { _, object in
            let id = object.identifier("id", required: true)
            let country = object.identifier("country", required: true)
            let latitude = object.number("lat", minimum: -90, allowsTiny: true)
            let longitude = object.number("lon", minimum: -180, allowsTiny: true)
            if let latitude, latitude > 90 { log.report(object.path("lat"), object.field("lat"), "must be at most 90") }
            if let longitude, longitude > 180 { log.report(object.path("lon"), object.field("lon"), "must be at most 180") }
            let storage = object.vector("storage", dimensions: dimensions, missing: .infinity)
            let handling = object.vector("handling", dimensions: dimensions, missing: .infinity)
            let holding = object.vector("holding_cost", dimensions: dimensions, missing: 0)
            // A hub with a missing or invalid country (reported) is still a known id, so that links
            // and movements referring to it do not add "unknown hub" errors; the network is rejected.
            guard let id, register(id, in: &ids, object: object, what: "hub") else { return }
            hubs.append(Hub(id: id, name: object.text("name") ?? id, country: country ?? "",
                            latitude: latitude, longitude: longitude,
                            storage: storage ?? .unlimited(dimensions.count),
                            handling: handling ?? .unlimited(dimensions.count),
                            holdingCost: holding ?? .zeros(dimensions.count)))
        }
        return hubs
    }

    func readLinks(_ root: ObjectReader, dimensions: [String], commodities: [Commodity], hubs: [Hub],
                   customs: CustomsTable, horizon: Int) -> ([Link], [Arc]) {
        var links: [Link] = []
        var arcs: [Arc] = []
        var ids: [String: String] = [:]
        let hubIndex = indexByID(hubs.map(\.id))
        let commodityIndex = indexByID(commodities.map(\.id))
        let allowed = ["id", "from", "to", "mode", "transit", "capacity", "cost", "open", "carries", "both_ways"]
        objects(root, "links", required: true, minimum: 0, allowed: allowed) { _, object in
            let id = object.identifier("id", required: true)
            let registered = id.map { register($0, in: &ids, object: object, what: "link") } ?? false
            let from = resolve(object.identifier("from", required: true), in: hubIndex, what: "hub",
                               path: object.path("from"), node: object.field("from"))
            let to = resolve(object.identifier("to", required: true), in: hubIndex, what: "hub",
                             path: object.path("to"), node: object.field("to"))
            if let from, let to, from == to {
                log.report(object.path("to"), object.field("to"), "a link must join two different hubs")
            }
            let transit = object.integer("transit", required: true, in: 0...1_000_000)
            let capacity = object.vector("capacity", dimensions: dimensions, missing: .infinity)
            let cost = object.vector("cost", dimensions: dimensions, missing: 0)
            let open = readOpen(object, horizon: horizon)
            let carries = readCarries(object, commodityIndex: commodityIndex, count: commodities.count)
            let bothWays = object.bool("both_ways") ?? false
            let mode = object.identifier("mode") ?? "road"
            guard let id, registered, let from, let to, from != to, let transit, let open, let carries else { return }
            let linkIndex = links.count
            links.append(Link(id: id, from: from, to: to, mode: mode, bothWays: bothWays))
            for (head, tail, reverse) in bothWays ? [(from, to, false), (to, from, true)] : [(from, to, false)] {
                arcs.append(Arc(link: linkIndex, from: head, to: tail, isReverse: reverse, mode: mode, transit: transit,
                                capacity: capacity ?? .unlimited(dimensions.count), cost: cost ?? .zeros(dimensions.count),
                                openFirst: open.lowerBound, openLast: open.upperBound, carries: carries,
                                customs: customs.customs(from: hubs[head].country, to: hubs[tail].country)))
            }
        }
        return (links, arcs)
    }

    /// `open: [first, last]`, 0 ≤ first ≤ last, clipped to the horizon (§4.7). A window entirely
    /// after the horizon yields an empty range encoded as first > last.
    private func readOpen(_ object: ObjectReader, horizon: Int) -> (lowerBound: Int, upperBound: Int)? {
        guard let node = object.field("open") else { return (0, horizon - 1) }
        let path = object.path("open")
        guard let items = log.list(node, path) else { return nil }
        guard items.count == 2 else {
            log.report(path, node, "expected [first, last], found \(items.count) values")
            return nil
        }
        guard let first = log.integer(items[0], "\(path)[0]", in: 0...Int(DecodingLog.maximumMagnitude)),
              let last = log.integer(items[1], "\(path)[1]", in: 0...Int(DecodingLog.maximumMagnitude)) else { return nil }
        guard first <= last else {
            log.report(path, node, "first (\(first)) must not be after last (\(last))")
            return nil
        }
        return (first, min(last, horizon - 1))
    }

    private func readCarries(_ object: ObjectReader, commodityIndex: [String: Int], count: Int) -> [Bool]? {
        guard let node = object.field("carries") else { return Array(repeating: true, count: count) }
        guard let items = log.list(node, object.path("carries")) else { return nil }
        var carries = Array(repeating: false, count: count)
        var valid = true
        for (index, item) in items.enumerated() {
            let path = "\(object.path("carries"))[\(index)]"
            guard let id = log.identifier(item, path),
                  let commodity = resolve(id, in: commodityIndex, what: "commodity", path: path, node: item) else {
                valid = false
                continue
            }
            carries[commodity] = true
        }
        return valid ? carries : nil
    }
}
