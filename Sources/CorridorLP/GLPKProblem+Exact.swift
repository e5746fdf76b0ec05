import CGLPK

extension GLPKProblem {
    /// Re-solves in exact rational arithmetic (`glp_exact`, GNU MP), starting from the current basis.
    ///
    /// Floating-point simplex can stop at a basis that is optimal only within its tolerances: with
    /// badly scaled data (a `uses` of 1e-12 next to ones of 1, costs near 1e12) GLPK's `glp_simplex`
    /// may report "optimal" for a plan far from the optimum. `glp_exact` reads every coefficient as
    /// the exact rational number the `Double` holds, checks the basis in exact arithmetic and pivots
    /// on until it is truly optimal. Started from the basis of a floating-point solve it usually
    /// only confirms it, at the cost of one exact factorisation — small next to the solve itself.
    ///
    /// Afterwards the solution accessors hold the exact solution (rounded to `Double`). If the
    /// current basis is invalid or exactly singular, the exact solve starts once more from the
    /// standard basis (all rows basic), which is correct but can be slow on large problems.
    ///
    /// A problem without rows or columns is left as it is (GLPK's exact solver refuses it, and a
    /// floating-point solve of it is already exact).
    public func solveExactly(timeLimit: Double? = nil, verbose: Bool = false) -> SolveStatus {
        checkThread()
        guard numberOfRows > 0, numberOfColumns > 0 else {
            return glp_get_status(handle) == GLP_OPT ? .optimal : solve(SolveOptions(timeLimit: timeLimit))
        }
        return GLPKTerminal.withOutput(verbose: verbose) {
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = verbose ? GLP_MSG_ALL : GLP_MSG_OFF
            parm.tm_lim = SolveOptions(timeLimit: timeLimit).glpkTimeLimit
            let clock = ContinuousClock()
            let start = clock.now
            let iterationsBefore = glp_get_it_cnt(handle)
            var code = glp_exact(handle, &parm)
            if code == GLP_EBADB || code == GLP_ESING {
                if parm.tm_lim != .max {
                    let used = Int64((clock.now - start) / .milliseconds(1))
                    parm.tm_lim = Int32(clamping: max(1, Int64(parm.tm_lim) - used))
                }
                glp_std_basis(handle)
                code = glp_exact(handle, &parm)
            }
            lastSolveIterations = Int(glp_get_it_cnt(handle) - iterationsBefore)
            switch code {
            case 0: break
            case GLP_ETMLIM: return .timeLimit
            case GLP_EITLIM: return .iterationLimit
            case GLP_EBOUND: return .failed("a double-bounded variable has lower ≥ upper (GLP_EBOUND)")
            case GLP_ESING: return .failed("the exact solver found the basis matrix singular (GLP_ESING)")
            default: return .failed("glp_exact returned code \(code)")
            }
            switch glp_get_status(handle) {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            case GLP_UNBND: return .unbounded
            default: return .failed("the exact simplex method ended without an optimal solution")
            }
        }
    }
}
