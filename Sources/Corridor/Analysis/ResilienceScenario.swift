/// One what-if for a re-solve: columns forced to zero (failed links) and capacity rows with a new
/// upper bound (degraded capacities). Expressed on the baseline formulation, so it can be applied
/// to the already-loaded GLPK problem as bound changes.
public struct ResilienceScenario: Sendable {
    public var closedColumns: [Int]
    public var rowUpperBounds: [(row: Int, upper: Double)]

    public init(closedColumns: [Int] = [], rowUpperBounds: [(row: Int, upper: Double)] = []) {
        self.closedColumns = closedColumns
        self.rowUpperBounds = rowUpperBounds
    }
}
