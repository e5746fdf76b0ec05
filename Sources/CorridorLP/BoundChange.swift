/// A new pair of bounds for one row or column, for the batched bound setters of
/// ``GLPKProblem``. Use `-.infinity` / `.infinity` for a missing side.
public struct BoundChange: Sendable, Hashable {
    /// 0-based row or column index.
    public var index: Int
    /// New lower bound.
    public var lower: Double
    /// New upper bound.
    public var upper: Double

    /// Creates a bound change.
    public init(index: Int, lower: Double, upper: Double) {
        self.index = index
        self.lower = lower
        self.upper = upper
    }
}
