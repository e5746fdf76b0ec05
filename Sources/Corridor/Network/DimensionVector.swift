/// A vector over the network's dimensions, e.g. `{t: 500, pax: 300}` with dimensions `[t, pax]`.
/// Capacities use `.infinity` for a missing (unlimited) dimension; costs and `uses` use 0.
public struct DimensionVector: Sendable, Equatable, Hashable {
    public var values: [Double]

    public init(_ values: [Double]) {
        self.values = values
    }

    public static func zeros(_ count: Int) -> DimensionVector {
        DimensionVector(Array(repeating: 0, count: count))
    }

    public static func unlimited(_ count: Int) -> DimensionVector {
        DimensionVector(Array(repeating: .infinity, count: count))
    }

    public subscript(dimension: Int) -> Double {
        get { values[dimension] }
        set { values[dimension] = newValue }
    }

    public var count: Int { values.count }

    /// Σ_D self[D] · other[D], e.g. a commodity's cost per unit from `uses · cost`.
    public func dot(_ other: DimensionVector) -> Double {
        var sum = 0.0
        for index in values.indices where values[index] != 0 && other.values[index] != 0 {
            sum += values[index] * other.values[index]
        }
        return sum
    }

    public static func + (lhs: DimensionVector, rhs: DimensionVector) -> DimensionVector {
        DimensionVector(zip(lhs.values, rhs.values).map { $0 + $1 })
    }
}
