import CGLPK

extension GLPKProblem {
    /// Re-solves in exact rational arithmetic (`glp_exact`, GNU MP), starting from the current basis.
    ///
    /// Floating-point simplex can stop at a basis that is optimal only within its tolerances: with
    /// badly scaled data (a `uses` of 1e-12 next to ones of 1, costs near 1e12) GLPK's `glp_simplex`
    /// may report "optimal" for a plan far from the optimum. `glp_exact` reads every coefficient as
    /// a nearby simple fraction (exactly, for integers), checks the basis in exact arithmetic and pivots
    /// on until it is truly optimal. Started from the basis of a floating-point solve it usually
    /// only confirms it, at the cost of one exact factorisation — small next to the solve itself.
    /// ``SolveOptions/exactCheck`` runs it after every optimal ``solve(_:)`` or
    /// ``resolveWarm(timeLimit:exactCheck:verbose:)``.
    ///
    /// Afterwards the solution accessors hold the exact solution (rounded to `Double`) of that
    /// approximated data — the exact check of ``solve(_:)`` evaluates its basis on the data as
    /// written instead (``ExactCheckOutcome/confirmed``). If the
    /// current basis is invalid or exactly singular, the exact solve starts once more from the
    /// standard basis (all rows basic), which is correct but can be slow on large problems.
    ///
    /// A problem without rows or columns is left as it is (GLPK's exact solver refuses it, and a
    /// floating-point solve of it is already exact).
    public func solveExactly(timeLimit: Double? = nil, verbose: Bool = false) -> SolveStatus {
        checkThread()
        lastExactCheck = nil  // an exact solve asked for, not a check of a floating-point one
        guard numberOfRows > 0, numberOfColumns > 0 else {
            return glp_get_status(handle) == GLP_OPT ? .optimal : solve(SolveOptions(timeLimit: timeLimit))
        }
        return GLPKTerminal.withOutput(verbose: verbose) {
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = verbose ? GLP_MSG_ALL : GLP_MSG_OFF
            parm.tm_lim = SolveOptions(timeLimit: timeLimit).glpkTimeLimit
            return runExact(parm)
        }
    }

    /// `glp_exact` with `parm` (its `msg_lev`, `it_lim` and `tm_lim` apply), retried once from the
    /// standard basis when the current one is invalid or singular; sets ``lastSolveIterations``.
    /// Call inside `GLPKTerminal.withOutput`, on a problem with rows and columns.
    func runExact(_ parameters: glp_smcp) -> SolveStatus {
        var parm = parameters
        let clock = ContinuousClock()
        let start = clock.now
        let iterationsBefore = glp_get_it_cnt(handle)
        var code = glp_exact(handle, &parm)
        if code == GLP_EBADB || code == GLP_ESING {
            parm.tm_lim = Self.remaining(parm.tm_lim, since: start, clock: clock)
            glp_std_basis(handle)
            code = glp_exact(handle, &parm)
        }
        lastSolveIterations = Int(glp_get_it_cnt(handle) - iterationsBefore)
        return status(afterSimplexReturning: code)  // glp_exact returns a subset of glp_simplex's codes
    }
}
