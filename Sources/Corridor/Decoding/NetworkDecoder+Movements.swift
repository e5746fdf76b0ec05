extension NetworkDecoder.Builder {
    func readMovements(_ root: ObjectReader, commodities: [Commodity], hubs: [Hub], horizon: Int,
                       periodsKnown: Bool) -> [Movement] {
        var movements: [Movement] = []
        var ids: [String: String] = [:]
        let hubIndex = indexByID(hubs.map(\.id))
        let commodityIndex = indexByID(commodities.map(\.id))
        let allowed = ["id", "commodity", "from", "to", "quantity", "release", "due", "late_penalty", "unmet_penalty"]
        objects(root, "movements", required: true, minimum: 1, allowed: allowed) { _, object in
            let id = object.identifier("id", required: true)
            let registered = id.map { register($0, in: &ids, object: object, what: "movement") } ?? false
            let commodity = resolve(object.identifier("commodity", required: true), in: commodityIndex, what: "commodity",
                                    path: object.path("commodity"), node: object.field("commodity"))
            let from = resolve(object.identifier("from", required: true), in: hubIndex, what: "hub",
                               path: object.path("from"), node: object.field("from"))
            let to = resolve(object.identifier("to", required: true), in: hubIndex, what: "hub",
                             path: object.path("to"), node: object.field("to"))
            if let from, let to, from == to {
                log.report(object.path("to"), object.field("to"), "a movement must go between two different hubs")
            }
            let quantity = object.number("quantity", required: true, minimum: 0, exclusive: true)
            let release = object.integer("release", in: periodsKnown ? 0...(horizon - 1) : 0...Int.max) ?? 0
            let due = object.integer("due", in: 0...Int(DecodingLog.maximumMagnitude))
            if let due, due < release {
                log.report(object.path("due"), object.field("due"), "due (\(due)) is before release (\(release))")
            }
            let latePenalty = object.number("late_penalty") ?? 1
            let unmetPenalty = object.number("unmet_penalty") ?? 1000
            guard let id, registered, let commodity, let from, let to, from != to, let quantity,
                  (due ?? release) >= release else { return }
            movements.append(Movement(id: id, commodity: commodity, from: from, to: to, quantity: quantity,
                                      release: release, due: due ?? horizon - 1,
                                      latePenalty: latePenalty, unmetPenalty: unmetPenalty))
        }
        return movements
    }
}
