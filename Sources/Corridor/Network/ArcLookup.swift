/// Finds the arc a plan leg runs on from what a plan says about it: the link id and the hub ids of
/// its two ends (so the direction of a `both_ways` link is told apart).
public struct ArcLookup: Sendable {
    private struct Key: Hashable {
        var link: String
        var from: String
        var to: String
    }

    private let arcs: [Key: Int]

    public init(_ network: Network) {
        var arcs: [Key: Int] = [:]
        for (index, arc) in network.arcs.enumerated() {
            let key = Key(link: network.links[arc.link].id, from: network.hubs[arc.from].id, to: network.hubs[arc.to].id)
            if arcs[key] == nil { arcs[key] = index }
        }
        self.arcs = arcs
    }

    /// The arc index, or nil when the network has no such link direction.
    public func arc(link: String, from: String, to: String) -> Int? {
        arcs[Key(link: link, from: from, to: to)]
    }
}
