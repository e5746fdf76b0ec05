import CGLPK

extension GLPKProblem {
    /// Solves the LP with GLPK's simplex method (`glp_simplex`).
    ///
    /// The result comes from GLPK's return code *and* the solution status: a return code of
    /// 0 only means the solver ended normally, not that the solution is optimal.
    ///
    /// - Infeasibility or unboundedness of a presolved solve (`GLP_ENOPFS`/`GLP_ENODFS`) is checked
    ///   by the simplex without presolve (within what remains of the limits), whose verdict is the
    ///   result: the presolver's tolerances misjudge badly scaled data.
    /// - With `options.basis == .keep`, an invalid, singular or ill-conditioned starting
    ///   basis (`GLP_EBADB`/`GLP_ESING`/`GLP_ECOND`) triggers one retry from an advanced
    ///   basis, within what remains of the time limit.
    ///
    /// - With `options.exactCheck`, an optimal result is confirmed (or finished) in exact arithmetic
    ///   (``solveExactly(timeLimit:verbose:)``) within what remains of the time limit.
    ///
    /// ``lastSolveIterations`` afterwards holds the iterations this call performed (the exact
    /// check's included), ``lastExactIterations`` those of the exact check alone.
    public func solve(_ options: SolveOptions = .init()) -> SolveStatus {
        checkThread()
        return runSimplex(options, rescale: true)
    }

    /// Re-solves after bound changes, warm-started from the current basis: dual simplex
    /// with primal fallback (`GLP_DUALP`), no presolve, basis kept, scaling left as it is.
    ///
    /// After bounds change, the previous optimal basis stays dual feasible, so the dual
    /// simplex typically needs only a few iterations to restore primal feasibility.
    /// `exactCheck` as in ``SolveOptions/exactCheck``.
    public func resolveWarm(timeLimit: Double? = nil, exactCheck: Bool = false, verbose: Bool = false) -> SolveStatus {
        checkThread()
        let options = SolveOptions(
            method: .dualPrimal, presolve: false, timeLimit: timeLimit, basis: .keep,
            exactCheck: exactCheck, verbose: verbose)
        return runSimplex(options, rescale: false)
    }

    /// Shared driver; `rescale == false` keeps the problem's current scaling untouched.
    private func runSimplex(_ options: SolveOptions, rescale: Bool) -> SolveStatus {
        GLPKTerminal.withOutput(verbose: options.verbose) {
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = options.verbose ? GLP_MSG_ALL : GLP_MSG_OFF
            switch options.method {
            case .primal: parm.meth = GLP_PRIMAL
            case .dual: parm.meth = GLP_DUAL
            case .dualPrimal: parm.meth = GLP_DUALP
            }
            parm.presolve = options.presolve ? GLP_ON : GLP_OFF
            parm.tm_lim = options.glpkTimeLimit
            parm.it_lim = options.glpkIterationLimit

            if rescale {
                switch options.scaling {
                case .none: glp_unscale_prob(handle)
                case .automatic: glp_scale_prob(handle, GLP_SF_AUTO)
                case .geometricMean: glp_scale_prob(handle, GLP_SF_GM | GLP_SF_2N)
                }
            }
            switch options.basis {
            case .standard: glp_std_basis(handle)
            case .advanced: glp_adv_basis(handle, 0)
            case .keep: break
            }

            let clock = ContinuousClock()
            let start = clock.now
            let iterationsBefore = glp_get_it_cnt(handle)
            var code = glp_simplex(handle, &parm)
            if options.basis == .keep, [GLP_EBADB, GLP_ESING, GLP_ECOND].contains(code) {
                parm.tm_lim = Self.remaining(parm.tm_lim, since: start, clock: clock)
                if parm.it_lim != .max {
                    parm.it_lim = max(0, parm.it_lim - (glp_get_it_cnt(handle) - iterationsBefore))
                }
                glp_adv_basis(handle, 0)
                code = glp_simplex(handle, &parm)
            }
            if parm.presolve == GLP_ON, code == GLP_ENOPFS || code == GLP_ENODFS {
                // The presolver's verdict comes from its own tolerances, and on badly scaled data it
                // can be wrong (a `uses` of 1e10 on a capacity of 300: "no primal feasible solution"
                // for a model that is always feasible). The simplex decides, without it.
                parm.tm_lim = Self.remaining(parm.tm_lim, since: start, clock: clock)
                if parm.it_lim != .max {
                    parm.it_lim = max(0, parm.it_lim - (glp_get_it_cnt(handle) - iterationsBefore))
                }
                parm.presolve = GLP_OFF
                glp_adv_basis(handle, 0)
                code = glp_simplex(handle, &parm)
            }
            lastSolveIterations = Int(glp_get_it_cnt(handle) - iterationsBefore)
            lastExactIterations = 0
            lastExactCheck = nil
            let status = status(afterSimplexReturning: code)
            guard status == .optimal, options.exactCheck, numberOfRows > 0, numberOfColumns > 0 else { return status }
            let simplexIterations = lastSolveIterations
            let floatingPointOptimum = saveBasis()
            parm.tm_lim = Self.remaining(parm.tm_lim, since: start, clock: clock)
            parm.it_lim = Int32.max
            let exact = runExact(parm)
            lastExactIterations = lastSolveIterations
            lastSolveIterations += simplexIterations
            switch exact {
            case .optimal:
                // The exact solver's values solve GLPK's approximation of the data (each non-integer
                // replaced by a nearby fraction: up to 1e-9 relative, so units of a 1e9 quantity go
                // missing or cost 1e9 each). Keep its basis — the optimal vertex — and compute that
                // vertex from the data as written: primal simplex from it, normally no iteration.
                parm.tm_lim = Self.remaining(parm.tm_lim, since: start, clock: clock)
                let evaluated = restoreOptimum(saveBasis(), parm)
                if evaluated == .optimal {
                    lastExactCheck = .confirmed
                    return evaluated
                }
                // The exact basis is not one the floating-point simplex can take up (nearly singular
                // in floating point, or the time ran out): keep the optimum it had found.
                lastExactCheck = .unconfirmed(evaluated)
                return restoreOptimum(floatingPointOptimum, parm)
            case .timeLimit, .iterationLimit:
                return exact
            case .infeasible, .unbounded, .failed:
                // A verdict on GLPK's approximation of the data (``ExactCheckOutcome/unconfirmed(_:)``),
                // not on this LP, which the floating-point simplex solved: put that optimum back.
                lastExactCheck = .unconfirmed(exact)
                return restoreOptimum(floatingPointOptimum, parm)
            }
        }
    }

    /// Puts back an optimal basis the exact check moved away from and recomputes its solution
    /// (primal simplex from that basis, no presolve: normally no iteration).
    private func restoreOptimum(_ basis: Basis, _ parameters: glp_smcp) -> SolveStatus {
        do {
            try restoreBasis(basis)
        } catch {
            return .failed("the optimal basis could not be restored after the exact check (\(error))")
        }
        var parm = parameters
        parm.meth = GLP_PRIMAL
        parm.presolve = GLP_OFF
        let iterationsBefore = glp_get_it_cnt(handle)
        let code = glp_simplex(handle, &parm)
        lastSolveIterations += Int(glp_get_it_cnt(handle) - iterationsBefore)
        return status(afterSimplexReturning: code)
    }

    /// What is left of a GLPK time limit (`Int32.max`: none) after the time since `start`, in whole
    /// milliseconds and at least 1.
    static func remaining(_ limit: Int32, since start: ContinuousClock.Instant, clock: ContinuousClock) -> Int32 {
        guard limit != .max else { return .max }
        let used = Int64((clock.now - start) / .milliseconds(1))  // whole milliseconds, rounded down
        return Int32(clamping: max(1, Int64(limit) - used))
    }

    /// Maps `glp_simplex`'s (or `glp_exact`'s) return code and the basic solution's status to ``SolveStatus``.
    func status(afterSimplexReturning code: Int32) -> SolveStatus {
        switch code {
        case 0:
            break
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .unbounded
        case GLP_ETMLIM: return .timeLimit
        case GLP_EITLIM: return .iterationLimit
        case GLP_EBADB: return .failed("the initial basis is invalid (GLP_EBADB)")
        case GLP_ESING: return .failed("the basis matrix is singular (GLP_ESING)")
        case GLP_ECOND: return .failed("the basis matrix is ill-conditioned (GLP_ECOND)")
        case GLP_EBOUND: return .failed("a double-bounded variable has lower ≥ upper (GLP_EBOUND)")
        case GLP_EFAIL: return .failed("the simplex solver failed (GLP_EFAIL)")
        case GLP_EOBJLL, GLP_EOBJUL: return .failed("an objective limit was reached")
        case GLP_ESTOP: return .failed("the search was terminated (GLP_ESTOP)")
        default: return .failed("glp_simplex returned code \(code)")
        }
        switch glp_get_status(handle) {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default:
            // Not optimal, yet the solver stopped normally: e.g. the dual simplex proved
            // dual infeasibility while the primal status stayed undefined.
            let primal = glp_get_prim_stat(handle), dual = glp_get_dual_stat(handle)
            if primal == GLP_NOFEAS { return .infeasible }
            if dual == GLP_NOFEAS { return .unbounded }
            return .failed(
                "the simplex method ended without an optimal solution "
                    + "(primal status \(Self.describe(primal)), dual status \(Self.describe(dual)))")
        }
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case GLP_UNDEF: return "undefined"
        case GLP_FEAS: return "feasible"
        case GLP_INFEAS: return "infeasible"
        case GLP_NOFEAS: return "no feasible solution"
        default: return "\(status)"
        }
    }
}
