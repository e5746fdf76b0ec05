/// The commodities a generated network draws from, and the kinds of hub and link it builds.
struct CommodityTemplate {
    var id: String
    var name: String
    /// Capacity consumed per unit, by dimension index (t, pax, teu).
    var uses: [Double]
    var personnel: Bool
    /// Dangerous goods: slower at some borders (`delay_by_commodity`), kept off some road links.
    var dangerous: Bool
    /// Carried by air links.
    var airlift: Bool
    /// Quantity per movement, in units, drawn in steps of `step`.
    var quantity: ClosedRange<Int>
    var step: Int
    /// Typical late penalty per unit per period.
    var latePenalty: Int

    /// Dimensions of every generated network.
    static let dimensions = ["t", "pax", "teu"]

    static let catalog: [CommodityTemplate] = [
        CommodityTemplate(id: "troops", name: "Troops (persons, with personal kit)", uses: [0.1, 1, 0],
                          personnel: true, dangerous: false, airlift: true, quantity: 200...1800, step: 50, latePenalty: 40),
        CommodityTemplate(id: "vehicles", name: "Vehicles (tonnes)", uses: [1, 0, 0],
                          personnel: false, dangerous: false, airlift: false, quantity: 200...2500, step: 100, latePenalty: 10),
        CommodityTemplate(id: "ammunition", name: "Ammunition (tonnes, dangerous goods)", uses: [1, 0, 0],
                          personnel: false, dangerous: true, airlift: true, quantity: 100...1200, step: 50, latePenalty: 25),
        CommodityTemplate(id: "fuel", name: "Fuel (tonnes, dangerous goods)", uses: [1, 0, 0],
                          personnel: false, dangerous: true, airlift: false, quantity: 200...2000, step: 100, latePenalty: 15),
        CommodityTemplate(id: "supplies", name: "General supplies (20-ft containers, ~10 t each)", uses: [10, 0, 1],
                          personnel: false, dangerous: false, airlift: false, quantity: 20...200, step: 10, latePenalty: 120),
        CommodityTemplate(id: "medical", name: "Medical teams (persons, with equipment)", uses: [0.3, 1, 0],
                          personnel: true, dangerous: false, airlift: true, quantity: 20...200, step: 10, latePenalty: 200),
        CommodityTemplate(id: "rations", name: "Rations (tonnes, palletised)", uses: [1, 0, 0.05],
                          personnel: false, dangerous: false, airlift: true, quantity: 50...600, step: 50, latePenalty: 8),
        CommodityTemplate(id: "engineering", name: "Engineering equipment (tonnes)", uses: [1, 0, 0.2],
                          personnel: false, dangerous: false, airlift: false, quantity: 100...900, step: 50, latePenalty: 12),
    ]

    /// The first `count` commodities: the catalogue, then generic cargo.
    static func first(_ count: Int) -> [CommodityTemplate] {
        (0..<count).map { index in
            if index < catalog.count { return catalog[index] }
            let number = index + 1
            return CommodityTemplate(id: "cargo-\(number)", name: "Cargo \(number) (tonnes)", uses: [1, 0, 0.1 * Double(number % 3)],
                                     personnel: false, dangerous: number % 4 == 0, airlift: number % 5 == 0,
                                     quantity: 100...1500, step: 50, latePenalty: 5 + number % 20)
        }
    }
}

enum HubKind: String {
    case port, airbase, depot, base
}

enum LinkMode: String {
    case road, rail, sea, air
}
