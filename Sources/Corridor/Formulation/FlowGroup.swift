import Foundation

/// Movements that the LP can carry as one flow: same commodity, destination, due period and late
/// penalty, so every unit costs the same on every path whichever movement it belongs to. The group
/// has one flow with several sources; unmet stays per movement at its own origin (with its own
/// penalty). Without aggregation (and always in the literal model) each movement is its own group.
///
/// Movements are grouped only with quantities of the same order (`magnitude`: a factor of 1000 per
/// class). Two movements of one group leaving one hub in one period share a balance row whose
/// right-hand side is the `Double` sum of their quantities: 6.9e9 + 8e-6 rounds to a multiple of
/// 9.5e-7, and the small movement's unmet, bounded by its own quantity, could then not fill the
/// row (GLPK: infeasible; or units lost, or an objective off by a penalty of 1e6 a unit).
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
            var magnitude: Int
        }
        var groups: [FlowGroup] = []
        var index: [Key: Int] = [:]
        for (m, movement) in network.movements.enumerated() {
            let key = Key(commodity: movement.commodity, destination: movement.to, due: movement.due,
                          latePenalty: movement.latePenalty, magnitude: magnitude(movement.quantity))
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

    /// The order of a quantity in factors of 1000 (1 to 999 → 0, 1000 to 999,999 → 1, 0.001 to
    /// 0.999 → -1): movements of one group differ by less than a factor of 1000.
    static func magnitude(_ quantity: Double) -> Int {
        quantity > 0 ? Int((log10(quantity) / 3).rounded(.down)) : 0
    }

    /// Lateness cost per unit delivered in `period`.
    public func lateness(at period: Int) -> Double {
        period > due ? latePenalty * Double(period - due) : 0
    }
}
