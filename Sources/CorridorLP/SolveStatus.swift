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

/// What the exact check (``SolveOptions/exactCheck``) made of a floating-point optimum.
public enum ExactCheckOutcome: Sendable, Hashable {
    /// `glp_exact` ended optimal, and its basis, evaluated in floating point on the data as written
    /// (not on the fractions `glp_exact` read), is optimal: the accessors hold that evaluation.
    case confirmed
    /// `glp_exact` ended with this status instead (e.g. `.infeasible`) — or its optimal basis could
    /// not be evaluated in floating point, with this status — and the floating-point optimum was
    /// restored and is what the accessors hold. GLPK's exact solver does not read a
    /// `Double` as the rational number it is: it replaces every non-integer coefficient, bound and
    /// right-hand side by a nearby simple fraction (a continued fraction within about 1e-10 of
    /// its mantissa), so it solves a slightly different LP and can find that one infeasible —
    /// e.g. the right-hand side 2600.01 against bounds 2600 and 0.01 that must add up to it.
    case unconfirmed(SolveStatus)
}
