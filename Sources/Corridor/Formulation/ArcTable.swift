/// The arcs' timing in flat arrays, for the formulation's hot loops (every flow group visits every
/// arc): no `Arc` values are copied there, only integers read.
struct ArcTable {
    let count: Int
    let commodities: Int
    let from: [Int]
    let to: [Int]
    let openFirst: [Int]
    let openLast: [Int]
    /// `travel[a * commodities + k]`: transit + customs delay of arc a for commodity k, or −1 when
    /// the arc does not carry k.
    let travel: [Int]
    /// Arc indices leaving / reaching each hub.
    let outgoing: [[Int]]
    let incoming: [[Int]]

    init(_ network: Network) {
        count = network.arcs.count
        commodities = network.commodities.count
        from = network.arcs.map(\.from)
        to = network.arcs.map(\.to)
        openFirst = network.arcs.map(\.openFirst)
        openLast = network.arcs.map(\.openLast)
        var travel = [Int](repeating: -1, count: count * commodities)
        for (a, arc) in network.arcs.enumerated() {
            for k in 0..<commodities where arc.carries[k] {
                travel[a * commodities + k] = arc.transit + arc.customs.delay[k]
            }
        }
        self.travel = travel
        outgoing = network.arcLists(\.from)
        incoming = network.arcLists(\.to)
    }

    /// Transit + customs delay of arc `a` for commodity `k`; nil when the arc does not carry it.
    @inline(__always)
    func travel(_ a: Int, _ k: Int) -> Int? {
        let value = travel[a * commodities + k]
        return value >= 0 ? value : nil
    }
}
