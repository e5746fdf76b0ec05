import Foundation
import CorridorLP

/// Options for one planning run.
public struct PlanningOptions: Sendable {
    public var mode: Formulation.Mode
    /// Carry interchangeable movements as one flow (pruned model only; same optimum, smaller LP).
    public var aggregate: Bool
    /// Solver settings; `timeLimit` there is in seconds.
    public var solver: SolveOptions
    /// Write the LP in CPLEX LP format here before solving.
    public var exportLP: String?
    /// Write the LP in free MPS format here before solving.
    public var exportMPS: String?
    /// Called after each stage with a line for people (`--verbose` prints it on stderr).
    public var progress: (@Sendable (String) -> Void)?
    /// The memory this run may take (contract §4.12; nil: three quarters of what the process may
    /// use). Batch runs share that among their concurrent jobs.
    public var memoryLimit: UInt64?

    public init(mode: Formulation.Mode = .pruned, aggregate: Bool = true,
                solver: SolveOptions = Planner.defaultSolverOptions, exportLP: String? = nil, exportMPS: String? = nil) {
        self.mode = mode
        self.aggregate = aggregate
        self.solver = solver
        self.exportLP = exportLP
        self.exportMPS = exportMPS
    }
}

/// Everything one planning run produced: the verified plan (bottlenecks from the row duals
/// included), its verification and the formulation behind it.
public struct PlanningResult: Sendable {
    public var plan: Plan
    public var verification: VerificationResult
    public var formulation: Formulation
    /// Things the planner wants people to know about this plan (the CLI prints them on stderr):
    /// so far only an exact check that did not confirm the optimum (`ExactCheckOutcome`).
    public var notes: [String] = []
}

/// Why a planning run produced no plan (the command line turns these into exit status 1).
public enum PlanningError: Error, Sendable, CustomStringConvertible {
    case notOptimal(SolveStatus)
    case invalidPlan([Violation])
    case solver(String)

    public var description: String {
        switch self {
        case .notOptimal(.timeLimit): return "no optimal plan within the time limit"
        case .notOptimal(.iterationLimit): return "no optimal plan within the iteration limit"
        case .notOptimal(let status): return "the solver found no optimal plan (\(status))"
        case .invalidPlan(let violations):
            let list = violations.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            return "the plan failed verification (\(Readable.counted(violations.count, "violation"))):\n\(list)"
        case .solver(let message): return message
        }
    }
}

/// The planning pipeline: validated network → formulation → GLPK → plan → verified plan.
/// Runs on the calling thread from start to end (GLPK problems are thread-bound).
public enum Planner {
    /// Primal simplex with GLPK's presolver and scaling, chosen by measurement (docs/formulation.md,
    /// "Solver settings"), and the optimum confirmed in exact arithmetic ("Exact check"): a plan must
    /// be an optimum of exactly the model. Analyses that warm-start from a basis turn presolve off.
    public static let defaultSolverOptions = SolveOptions(presolve: true, exactCheck: true)

    public static func plan(_ network: Network, options: PlanningOptions = .init(),
                            file: String = "network") throws -> PlanningResult {
        let clock = ContinuousClock()
        var stageStart = clock.now
        func stage(_ text: String) {
            guard let progress = options.progress else { return }
            let seconds = (clock.now - stageStart) / .seconds(1)
            progress(text + String(format: " (%.3f s)", seconds))
            stageStart = clock.now
        }
        let formulation = try Formulation.build(network, mode: options.mode, file: file, aggregate: options.aggregate,
                                                memoryLimit: options.memoryLimit)
        let program = formulation.program
        stage("formulated: \(program.numberOfRows) rows, \(program.numberOfColumns) columns, "
              + "\(program.numberOfNonZeros) non-zeros, \(formulation.groups.count) flow groups")
        let exporting = options.exportLP != nil || options.exportMPS != nil
        let problem: GLPKProblem
        do {
            problem = try GLPKProblem(exporting ? formulation.withNames() : formulation.program)
            if let path = options.exportLP { try problem.writeCPLEXLP(to: path) }
            if let path = options.exportMPS { try problem.writeFreeMPS(to: path) }
        } catch {
            throw PlanningError.solver("\(error)")
        }
        stage("loaded into GLPK")
        let status = problem.solve(options.solver)
        guard status == .optimal else { throw PlanningError.notOptimal(status) }
        let iterations = problem.lastSolveIterations
        stage("solved: \(iterations) simplex iterations"
              + (options.solver.exactCheck ? ", \(problem.lastExactIterations) of them in the exact check" : ""))
        let primal = problem.primalValues()
        let duals = problem.rowDuals()
        var plan = PlanExtractor.plan(network: network, formulation: formulation, values: primal, iterations: iterations)
        plan.bottlenecks = BottleneckAnalysis.compute(network: network, formulation: formulation, rowDuals: duals)
        stage("plan extracted")
        let verification = PlanVerifier(network: network).verify(plan)
        stage("plan verified")
        guard verification.isValid else { throw PlanningError.invalidPlan(verification.violations) }
        var result = PlanningResult(plan: plan, verification: verification, formulation: formulation)
        if case .unconfirmed(let exactStatus) = problem.lastExactCheck {
            result.notes.append("GLPK's exact check did not confirm the optimum (its rational re-solve, which reads "
                                + "the data as nearby fractions, ended \(exactStatus)); the floating-point optimum "
                                + "is printed, verified like any plan")
        }
        return result
    }
}
