/// One what-if for a re-solve: columns forced to zero (failed links) and capacity rows with a new
/// upper bound (degraded capacities). Expressed on the baseline formulation, so it can be applied
/// to the already-loaded GLPK problem as bound changes.
public struct ResilienceScenario: Sendable {
    /// The failure itself: the flow columns of the closed arcs.
    public var closedColumns: [Int]
    /// Columns the closure strands — on no source → sink path any more (`FlowPathGraph`). Fixing
    /// them at zero too leaves the optimum unchanged and saves warm re-solves many pivots; a cold
    /// solve of the scenario (the reference in tests and benchmarks) fixes only `closedColumns`.
    public var strandedColumns: [Int]
    public var rowUpperBounds: [(row: Int, upper: Double)]

    public init(closedColumns: [Int] = [], strandedColumns: [Int] = [], rowUpperBounds: [(row: Int, upper: Double)] = []) {
        self.closedColumns = closedColumns
        self.strandedColumns = strandedColumns
        self.rowUpperBounds = rowUpperBounds
    }

    /// Every column a warm re-solve fixes at zero, ascending: the closed ones and the stranded ones.
    /// Two failures with the same fixed columns have the same LP.
    public var fixedColumns: [Int] { (closedColumns + strandedColumns).sorted() }
}
