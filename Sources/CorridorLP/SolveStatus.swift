/// The outcome of a simplex solve.
///
/// Only `.optimal` guarantees that ``GLPKProblem``'s solution accessors hold a meaningful
/// optimal basic solution; after other outcomes they hold whatever GLPK last computed.
public enum SolveStatus: Sendable, Hashable {
    /// An optimal basic solution was found.
    case optimal
    /// The constraints cannot all be satisfied (no primal feasible solution).
    case infeasible
    /// No dual feasible solution exists: the objective is unbounded in the optimisation
    /// direction. When this is detected by the presolver or by the dual simplex, primal
    /// feasibility has not been established, so the problem may in fact be infeasible as
    /// well; re-solve with the primal simplex and no presolve to tell the two apart.
    case unbounded
    /// The time limit was reached first.
    case timeLimit
    /// The iteration limit was reached first.
    case iterationLimit
    /// GLPK failed (e.g. a singular basis or numerical trouble); the text explains why.
    case failed(String)
}
