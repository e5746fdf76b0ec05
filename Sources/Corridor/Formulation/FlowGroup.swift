/// Movements that the LP can carry as one flow: same commodity, destination, due period and late
/// penalty, so every unit costs the same on every path whichever movement it belongs to. The group
/// has one flow with several sources; unmet stays per movement at its own origin (with its own
/// penalty). Without aggregation (and always in the literal model) each movement is its own group.
public struct FlowGroup: Sendable, Equatable {
    /// Movement indices, ascending.
    public var movements: [Int]
    public var commodity: Int
    public var destination: Int
    public var due: Int
    public var latePenalty: Double
    /// Σ quantities: no flow column of the group can usefully exceed it.
    public var quantity: Double

    /// Groups of interchangeable movements (`aggregate`), or one group per movement, in the order of
    /// their first movement.
    public static func groups(for network: Network, aggregate: Bool) -> [FlowGroup] {
        struct Key: Hashable {
            var commodity: Int
            var destination: Int
            var due: Int
            var latePenalty: Double
        }
        var groups: [FlowGroup] = []
        var index: [Key: Int] = [:]
        for (m, movement) in network.movements.enumerated() {
            let key = Key(commodity: movement.commodity, destination: movement.to, due: movement.due,
                          latePenalty: movement.latePenalty)
            if aggregate, let g = index[key] {
                groups[g].movements.append(m)
                groups[g].quantity += movement.quantity
                continue
            }
            index[key] = groups.count
            groups.append(FlowGroup(movements: [m], commodity: movement.commodity, destination: movement.to,
                                    due: movement.due, latePenalty: movement.latePenalty, quantity: movement.quantity))
        }
        return groups
    }

    /// Lateness cost per unit delivered in `period`.
    public func lateness(at period: Int) -> Double {
        period > due ? latePenalty * Double(period - due) : 0
    }
}
