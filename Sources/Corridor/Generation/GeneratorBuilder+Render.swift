extension GeneratorBuilder {
    /// The network name: the parameters' own, or one made from the counts and seed — the links it
    /// declares, which are fewer than asked for when the hubs have no room for more.
    var networkName: String {
        parameters.name ?? "Generated network (seed \(parameters.seed): \(parameters.hubs) hubs, \(links.count) links, "
            + "\(parameters.movements) movements, \(parameters.periods) periods)"
    }

    func render() -> String {
        let dimensions = CommodityTemplate.dimensions
        let root: [(key: String, value: GeneratedValue)] = [
            ("name", .string(networkName)),
            ("periods", .int(parameters.periods)),
            ("period_label", .string("day")),
            ("dimensions", .list(dimensions.map { .string($0) })),
            ("commodities", .list(commodities.map(commodityValue))),
            ("hubs", .list(hubs.map(hubValue))),
            ("links", .list(links.map(linkValue))),
            ("borders", .list(rules.map(ruleValue))),
            ("agreements", .list(agreements.map { agreement in
                .object([("name", .string(agreement.name)),
                         ("members", .list(agreement.members.map { .string(countries[$0].code) }))])
            })),
            ("customs_default", .object([("delay", .int(customsDefaultDelay)),
                                         ("cost", vectorValue([8, 2, 20], decimals: 0))])),
            ("movements", .list(movements.map(movementValue))),
        ]
        let schemaKeys = ["id", "name", "uses", "country", "lat", "lon", "storage", "handling", "holding_cost", "from", "to",
                          "mode", "transit", "capacity", "cost", "open", "carries", "both_ways", "delay",
                          "delay_by_commodity", "members", "commodity", "quantity", "release", "due", "late_penalty",
                          "unmet_penalty"]
        let writer = GeneratedDocumentWriter(plainKeys: Set(schemaKeys + dimensions))
        switch parameters.format {
        case .json:
            return writer.json(root)
        case .yaml:
            let codes = countries.map(\.code).joined(separator: ", ")
            return writer.yaml(root, header: [
                networkName,
                "",
                "Synthetic: made by `\(NetworkGenerator(parameters).commandLine)`;",
                "the same command gives the same bytes. Countries use ISO 3166 user-assigned codes",
                "(\(codes)), so every place is fictional.",
                [Readable.counted(countries.count, "country", "countries"), Readable.counted(hubs.count, "hub"),
                 Readable.counted(links.count, "link"), Readable.counted(rules.count, "border rule"),
                 Readable.counted(agreements.count, "agreement"), Readable.counted(commodities.count, "commodity", "commodities"),
                 Readable.counted(movements.count, "movement")].joined(separator: ", ") + ".",
            ])
        }
    }

    func vectorValue(_ vector: Vector, decimals: Int = 2) -> GeneratedValue {
        var entries: [(key: String, value: GeneratedValue)] = []
        for (index, value) in vector.enumerated() {
            if let value { entries.append((CommodityTemplate.dimensions[index], .decimal(value, decimals: decimals))) }
        }
        return .object(entries)
    }

    func commodityValue(_ commodity: CommodityTemplate) -> GeneratedValue {
        .object([("id", .string(commodity.id)), ("name", .string(commodity.name)),
                 ("uses", vectorValue(commodity.uses.map { $0 == 0 ? nil : $0 }))])
    }

    func hubValue(_ hub: Hub) -> GeneratedValue {
        let latitudeScale = min(1 / 111.0, 40 / gridHeight), longitudeScale = min(1 / 72.0, 100 / gridWidth)
        var entries: [(key: String, value: GeneratedValue)] = [
            ("id", .string(hub.id)), ("name", .string(hub.name)), ("country", .string(countries[hub.country].code)),
            ("lat", .decimal(44 + hub.y * latitudeScale, decimals: 4)),
            ("lon", .decimal(-4 + hub.x * longitudeScale, decimals: 4)),
        ]
        if let storage = hub.storage { entries.append(("storage", vectorValue(storage))) }
        if let handling = hub.handling { entries.append(("handling", vectorValue(handling))) }
        if let holding = hub.holdingCost { entries.append(("holding_cost", vectorValue(holding))) }
        return .object(entries)
    }

    func linkValue(_ link: Link) -> GeneratedValue {
        var entries: [(key: String, value: GeneratedValue)] = [
            ("id", .string(link.id)), ("from", .string(hubs[link.from].id)), ("to", .string(hubs[link.to].id)),
            ("mode", .string(link.mode.rawValue)), ("transit", .int(link.transit)),
            ("capacity", vectorValue(link.capacity)), ("cost", vectorValue(link.cost)),
        ]
        if let open = link.open { entries.append(("open", .list([.int(open.first), .int(open.last)]))) }
        if let carries = link.carries { entries.append(("carries", .list(carries.map { .string(commodities[$0].id) }))) }
        if link.bothWays { entries.append(("both_ways", .bool(true))) }
        return .object(entries)
    }

    func ruleValue(_ rule: BorderRule) -> GeneratedValue {
        var entries: [(key: String, value: GeneratedValue)] = [
            ("from", .string(countries[rule.from].code)), ("to", .string(countries[rule.to].code)),
            ("delay", .int(rule.delay)),
        ]
        if !rule.delayByCommodity.isEmpty {
            entries.append(("delay_by_commodity", .object(rule.delayByCommodity.map { (commodities[$0.commodity].id, .int($0.delay)) })))
        }
        entries.append(("capacity", vectorValue([rule.capacity, nil, nil])))
        entries.append(("cost", vectorValue(rule.cost)))
        if rule.bothWays { entries.append(("both_ways", .bool(true))) }
        return .object(entries)
    }

    func movementValue(_ movement: Movement) -> GeneratedValue {
        .object([("id", .string(movement.id)), ("commodity", .string(commodities[movement.commodity].id)),
                 ("from", .string(hubs[movement.from].id)), ("to", .string(hubs[movement.to].id)),
                 ("quantity", .int(movement.quantity)), ("release", .int(movement.release)), ("due", .int(movement.due)),
                 ("late_penalty", .int(movement.latePenalty)), ("unmet_penalty", .int(movement.unmetPenalty))])
    }
}
