import ArgumentParser
import Corridor
import CorridorLP
import Foundation

/// `corridor plan NETWORK`: the optimal, verified movement plan.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compute the optimal movement plan of a network.",
        discussion: """
        Solves the LP of the planning model with GLPK, verifies the plan against the network and \
        prints it. Exit status 0 even when some demand is unmet (use --fail-on-unmet for 3).

        Examples:
          corridor plan datasets/tiny.yaml
          corridor plan network.yaml --format json > plan.json
          corridor plan network.json --format csv --time-limit 60 --export-lp model.lp
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: "Network file (.json, .yaml or .yml); - reads standard input.")
    var network: String

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @Option(name: .customLong("export-lp"), help: "Also write the LP in CPLEX LP format to this file.")
    var exportLP: String?

    @Option(name: .customLong("export-mps"), help: "Also write the LP in free MPS format to this file.")
    var exportMPS: String?

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Give up after this many seconds of solving (exit 1).")
    var timeLimit: Double?

    @Flag(name: .customLong("fail-on-unmet"), help: "Exit with status 3 when some demand cannot be met.")
    var failOnUnmet = false

    @Flag(help: "Progress and solver output on standard error.")
    var verbose = false

    @Flag(name: .customLong("literal"), help: .hidden)
    var literal = false

    @Flag(name: .customLong("no-aggregate"), help: .hidden)
    var noAggregate = false

    /// Solver experiments (see docs/formulation.md, "Solver settings"): primal, dual or dualprimal.
    @Option(name: .customLong("simplex"), help: .hidden)
    var simplex: String?

    @Flag(name: .customLong("no-presolve"), help: .hidden)
    var noPresolve = false

    @Flag(name: .customLong("no-scaling"), help: .hidden)
    var noScaling = false

    @Flag(name: .customLong("standard-basis"), help: .hidden)
    var standardBasis = false

    /// Skip the exact-arithmetic check of the optimum (for measuring what it costs).
    @Flag(name: .customLong("no-exact-check"), help: .hidden)
    var noExactCheck = false

    func validate() throws {
        if let simplex, !["primal", "dual", "dualprimal"].contains(simplex) {
            throw ValidationError("--simplex must be primal, dual or dualprimal")
        }
        try TimeLimit.validate(timeLimit)
    }

    func run() throws {
        let progress = Progress(enabled: verbose)
        let loaded = NetworkFile.load(network)
        progress.say("read \(network): \(loaded.hubs.count) hubs, \(loaded.arcs.count) link directions, "
                     + "\(loaded.movements.count) movements, \(loaded.periods) periods")
        var solver = TimeLimit.solverOptions(timeLimit)
        solver.verbose = verbose
        switch simplex {
        case "dual": solver.method = .dual
        case "dualprimal": solver.method = .dualPrimal
        case "primal": solver.method = .primal
        default: break
        }
        if noPresolve { solver.presolve = false }
        if noScaling { solver.scaling = .none }
        if standardBasis { solver.basis = .standard }
        if noExactCheck { solver.exactCheck = false }
        var options = PlanningOptions(mode: literal ? .literal : .pruned, aggregate: !noAggregate, solver: solver,
                                      exportLP: exportLP, exportMPS: exportMPS)
        if verbose { options.progress = { Console.error("         " + $0) } }
        let result: PlanningResult
        do {
            result = try Planner.plan(loaded, options: options, file: network)
        } catch {
            Console.fail(error)
        }
        for note in result.notes { Console.error("corridor: note: \(note)") }
        progress.say("solved: objective \(result.plan.objective), \(result.plan.lp?.iterations ?? 0) iterations; plan verified")
        let plan = result.plan
        switch format {
        case .json:
            do {
                Console.write(try PlanJSON.encode(plan))
            } catch {
                Console.fail(error)
            }
        case .csv:
            Console.write(CSVReport.render(plan))
        case .text:
            let utilization = Utilization.compute(network: loaded, loads: result.verification.loads)
            Console.write(TextReport(network: loaded, plan: plan, utilization: utilization,
                                     color: Console.stdoutIsTerminal).render())
        }
        if failOnUnmet, plan.summary.unmet > 0 {
            throw ExitCode(ExitStatus.unmetDemand)
        }
    }
}
