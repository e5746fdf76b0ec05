import CorridorLP

/// One GLPK problem holding the baseline LP, solved once, then re-solved for scenario after
/// scenario: restore the baseline basis, change bounds, dual simplex with presolve off, undo the
/// bounds. Never rebuilds the LP. Lives and dies on the thread that created it.
final class ResilienceWorker {
    private let problem: GLPKProblem
    private let program: LinearProgram
    private let baselineBasis: Basis
    let baselineValues: [Double]
    let baselineObjective: Double
    private let timeLimit: Double?

    init(formulation: Formulation, options: SolveOptions) throws {
        program = formulation.program
        problem = try GLPKProblem(program)
        let status = problem.solve(options)
        guard status == .optimal else { throw PlanningError.notOptimal(status) }
        baselineBasis = problem.saveBasis()
        baselineValues = problem.primalValues()
        baselineObjective = problem.objectiveValue
        timeLimit = options.timeLimit
    }

    /// Solves `scenario` from the baseline basis; returns the status and, when optimal, the values.
    func solve(_ scenario: ResilienceScenario) -> (status: SolveStatus, objective: Double, values: [Double]) {
        do {
            try problem.restoreBasis(baselineBasis)
            try problem.setColumnBounds(scenario.closedColumns.map { BoundChange(index: $0, lower: 0, upper: 0) })
            try problem.setRowBounds(scenario.rowUpperBounds.map {
                BoundChange(index: $0.row, lower: program.rowLower[$0.row], upper: $0.upper)
            })
        } catch {
            return (.failed("\(error)"), .nan, [])
        }
        let status = problem.resolveWarm(timeLimit: timeLimit)
        let result = status == .optimal ? (status, problem.objectiveValue, problem.primalValues()) : (status, Double.nan, [Double]())
        // Undo: back to the baseline bounds (the basis is restored before the next solve).
        try? problem.setColumnBounds(scenario.closedColumns.map {
            BoundChange(index: $0, lower: program.columnLower[$0], upper: program.columnUpper[$0])
        })
        try? problem.setRowBounds(scenario.rowUpperBounds.map {
            BoundChange(index: $0.row, lower: program.rowLower[$0.row], upper: program.rowUpper[$0.row])
        })
        return result
    }

    /// The same scenario solved from scratch on a new problem (for tests and benchmarks).
    static func solveCold(_ scenario: ResilienceScenario, formulation: Formulation, options: SolveOptions)
        -> (status: SolveStatus, objective: Double, values: [Double]) {
        var program = formulation.program
        for column in scenario.closedColumns {
            program.columnLower[column] = 0
            program.columnUpper[column] = 0
        }
        for change in scenario.rowUpperBounds { program.rowUpper[change.row] = change.upper }
        guard let problem = try? GLPKProblem(program) else { return (.failed("invalid LP"), .nan, []) }
        let status = problem.solve(options)
        return status == .optimal ? (status, problem.objectiveValue, problem.primalValues()) : (status, .nan, [])
    }
}
