/// How ``GLPKProblem/solve(_:)`` runs GLPK's simplex method.
///
/// The defaults — primal simplex, no presolve, automatic scaling, advanced initial basis,
/// no limits, no exact check, silent — suit a cold solve of a logistics LP.
public struct SolveOptions: Sendable, Hashable {
    /// Which simplex variant to run (`glp_smcp.meth`).
    public enum Method: Sendable, Hashable {
        /// Two-phase primal simplex (`GLP_PRIMAL`).
        case primal
        /// Dual simplex only (`GLP_DUAL`).
        case dual
        /// Dual simplex, falling back to the primal simplex if it fails (`GLP_DUALP`).
        /// The usual choice after bound changes, when the old basis stays dual feasible.
        case dualPrimal
    }

    /// How the constraint matrix is scaled before the simplex runs (`glp_scale_prob`).
    public enum Scaling: Sendable, Hashable {
        /// No scaling: any scaling left from an earlier solve is removed (`glp_unscale_prob`).
        case none
        /// GLPK's automatic choice (`GLP_SF_AUTO`), which leaves a matrix it finds well scaled alone.
        case automatic
        /// Geometric-mean scaling with factors rounded to powers of two (`GLP_SF_GM | GLP_SF_2N`),
        /// applied even to a matrix GLPK would call well scaled. Powers of two scale exactly.
        case geometricMean
    }

    /// Which basis the simplex starts from.
    public enum InitialBasis: Sendable, Hashable {
        /// The trivial basis: all rows basic, all columns at a bound (`glp_std_basis`).
        case standard
        /// A triangular "crash" basis (`glp_adv_basis`). Usually much faster than `.standard`.
        case advanced
        /// Whatever basis the problem holds now — the result of the previous solve or of
        /// ``GLPKProblem/restoreBasis(_:)`` (a warm start). If GLPK finds this basis invalid,
        /// singular or ill-conditioned, the solve retries once from an advanced basis.
        case keep
    }

    /// Simplex variant. Default: `.primal`.
    public var method: Method
    /// Run GLPK's LP presolver first (`glp_smcp.presolve`). Default: `false`.
    ///
    /// The presolver ignores the initial basis, so it defeats warm starts; when it proves
    /// infeasibility or unboundedness on its own, no basic solution is available afterwards.
    public var presolve: Bool
    /// How to scale the matrix before solving. Default: `.automatic`.
    public var scaling: Scaling
    /// Wall-clock limit in seconds, or `nil` for none. Default: `nil`.
    ///
    /// GLPK counts whole milliseconds; any positive limit below 1 ms (and zero or negative
    /// values) is raised to 1 ms. `NaN` and `+∞` mean no limit.
    public var timeLimit: Double?
    /// Maximum number of simplex iterations for this solve, or `nil` for none. Default: `nil`.
    /// Negative values are treated as 0.
    public var iterationLimit: Int?
    /// Starting basis. Default: `.advanced`.
    public var basis: InitialBasis
    /// Confirm an optimal result in exact rational arithmetic from its final basis
    /// (``GLPKProblem/solveExactly(timeLimit:verbose:)``), within the same time limit (the iteration
    /// limit does not apply to it); the solution accessors then hold the exact solver's optimal basis
    /// evaluated on the data as written (``ExactCheckOutcome``). Default: `false`.
    public var exactCheck: Bool
    /// Let GLPK report progress. Its output goes to standard error, never standard output.
    /// Default: `false` (GLPK's terminal output is switched off entirely).
    public var verbose: Bool

    /// Creates solve options; every parameter has the default documented on its property.
    public init(
        method: Method = .primal,
        presolve: Bool = false,
        scaling: Scaling = .automatic,
        timeLimit: Double? = nil,
        iterationLimit: Int? = nil,
        basis: InitialBasis = .advanced,
        exactCheck: Bool = false,
        verbose: Bool = false
    ) {
        self.method = method
        self.presolve = presolve
        self.scaling = scaling
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.basis = basis
        self.exactCheck = exactCheck
        self.verbose = verbose
    }

    /// `timeLimit` converted to GLPK's `tm_lim` (milliseconds, `Int32.max` meaning none).
    var glpkTimeLimit: Int32 {
        guard let seconds = timeLimit, !seconds.isNaN else { return .max }
        let milliseconds = (seconds * 1000).rounded(.up)
        if milliseconds >= Double(Int32.max) { return .max }
        return Int32(max(1, milliseconds))
    }

    /// `iterationLimit` converted to GLPK's `it_lim` (`Int32.max` meaning none).
    var glpkIterationLimit: Int32 {
        guard let iterations = iterationLimit else { return .max }
        return Int32(clamping: max(0, iterations))
    }
}
