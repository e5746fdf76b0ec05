import CorridorLP

/// One GLPK problem holding the baseline LP at its optimal basis, re-solved for scenario after
/// scenario: put a start basis back (the baseline's, or a smaller failure set's optimal one), change
/// bounds, dual simplex with presolve off, undo the bounds. Never rebuilds the LP. Lives and dies on
/// the thread that created it.
final class ResilienceWorker {
    /// What a re-solve returns.
    struct Outcome {
        var status: SolveStatus
        var objective: Double
        var values: [Double]
        var iterations: Int
        /// The optimal basis as changes from the baseline's, when asked for.
        var basis: BasisDelta?

        /// A solve that ended without an optimum (or never started): no objective, no values.
        static func unsolved(_ status: SolveStatus, iterations: Int = 0) -> Outcome {
            Outcome(status: status, objective: .nan, values: [], iterations: iterations)
        }
    }

    private let problem: GLPKProblem
    private let program: LinearProgram
    private let objective: NoiselessObjective
    let baselineBasis: Basis
    /// Simplex iterations of the baseline solve on this worker (0 when started from a given basis).
    let startIterations: Int
    let baselineValues: [Double]
    let baselineObjective: Double
    private let timeLimit: Double?
    /// Whether every optimal re-solve is confirmed in exact arithmetic (the options' `exactCheck`).
    private let exactCheck: Bool

    /// Loads the LP and solves the baseline: from scratch with `options`, or — when the engine has
    /// already solved it — from `baselineBasis`, which takes no simplex iterations. Re-solves are
    /// checked in exact arithmetic when `options.exactCheck` is set.
    init(formulation: Formulation, options: SolveOptions, baselineBasis: Basis? = nil) throws {
        program = formulation.program
        objective = NoiselessObjective(formulation.program)
        problem = try GLPKProblem(program)
        exactCheck = options.exactCheck
        let status: SolveStatus
        if let baselineBasis {
            try problem.restoreBasis(baselineBasis)
            var warm = options
            warm.method = .dualPrimal
            warm.basis = .keep  // scaled like the engine's problem, then no iterations from its optimal basis
            status = problem.solve(warm)
        } else {
            status = problem.solve(options)
        }
        guard status == .optimal else { throw PlanningError.notOptimal(status) }
        // Start bases travel between workers as changes from the engine's baseline basis, so every
        // worker measures them from that same basis (its warm start takes no pivots, but GLPK could).
        self.baselineBasis = baselineBasis ?? problem.saveBasis()
        startIterations = problem.lastSolveIterations
        baselineValues = problem.primalValues()
        baselineObjective = objective.value(at: baselineValues)
        timeLimit = options.timeLimit
    }

    /// Solves `scenario` starting from `start` (changes from the baseline basis; nil: the baseline
    /// basis itself). A start basis must be dual feasible for the scenario — the baseline's is for
    /// every scenario, a failure set's optimal basis is for its supersets — or the dual simplex
    /// needs a first phase.
    func solve(_ scenario: ResilienceScenario, from start: BasisDelta? = nil, keepBasis: Bool = false) -> Outcome {
        do {
            try problem.restoreBasis(start.map { $0.applied(to: baselineBasis) } ?? baselineBasis)
            try problem.setColumnBounds(scenario.fixedColumns.map { BoundChange(index: $0, lower: 0, upper: 0) })
            try problem.setRowBounds(scenario.rowUpperBounds.map {
                BoundChange(index: $0.row, lower: program.rowLower[$0.row], upper: $0.upper)
            })
        } catch {
            return .unsolved(.failed("\(error)"))
        }
        let status = problem.resolveWarm(timeLimit: timeLimit, exactCheck: exactCheck)
        var outcome = Outcome.unsolved(status, iterations: problem.lastSolveIterations)
        if status == .optimal {
            outcome.values = problem.primalValues()
            outcome.objective = objective.value(at: outcome.values)
            if keepBasis { outcome.basis = BasisDelta(from: baselineBasis, to: problem.saveBasis()) }
        }
        // Undo: back to the baseline bounds (a start basis is put back before the next solve).
        try? problem.setColumnBounds(scenario.fixedColumns.map {
            BoundChange(index: $0, lower: program.columnLower[$0], upper: program.columnUpper[$0])
        })
        try? problem.setRowBounds(scenario.rowUpperBounds.map {
            BoundChange(index: $0.row, lower: program.rowLower[$0.row], upper: program.rowUpper[$0.row])
        })
        return outcome
    }

    /// The same scenario solved from scratch on a new problem (for tests and benchmarks): only its
    /// closed columns fixed, not the stranded ones, so it is the failure's LP as the contract states it.
    static func solveCold(_ scenario: ResilienceScenario, formulation: Formulation, options: SolveOptions) -> Outcome {
        var program = formulation.program
        for column in scenario.closedColumns {
            program.columnLower[column] = 0
            program.columnUpper[column] = 0
        }
        for change in scenario.rowUpperBounds { program.rowUpper[change.row] = change.upper }
        guard let problem = try? GLPKProblem(program) else { return .unsolved(.failed("invalid LP")) }
        let status = problem.solve(options)
        let values = problem.primalValues()
        return status == .optimal
            ? Outcome(status: status, objective: NoiselessObjective(program).value(at: values), values: values,
                      iterations: problem.lastSolveIterations)
            : .unsolved(status, iterations: problem.lastSolveIterations)
    }
}

/// A simplex basis stored as its differences from the baseline's: a few hundred entries where a full
/// basis has one per row and column, so the optimal bases of many failure sets can be kept.
struct BasisDelta: Sendable {
    var rows: [(index: Int32, status: BasisStatus)]
    var columns: [(index: Int32, status: BasisStatus)]

    init(from baseline: Basis, to basis: Basis) {
        rows = zip(baseline.rowStatus, basis.rowStatus).enumerated().compactMap { i, pair in
            pair.0 == pair.1 ? nil : (Int32(i), pair.1)
        }
        columns = zip(baseline.columnStatus, basis.columnStatus).enumerated().compactMap { j, pair in
            pair.0 == pair.1 ? nil : (Int32(j), pair.1)
        }
    }

    func applied(to baseline: Basis) -> Basis {
        var basis = baseline
        for change in rows { basis.rowStatus[Int(change.index)] = change.status }
        for change in columns { basis.columnStatus[Int(change.index)] = change.status }
        return basis
    }
}
