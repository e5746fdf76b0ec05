import ArgumentParser
import Corridor
import Foundation

/// `corridor verify NETWORK PLAN.json`: checks a plan, also a hand-edited one.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a plan against a network and list every violation.",
        discussion: """
        Checks capacities, border rules, storage, handling, timing, conservation and the reported \
        costs, without solving anything. Exit 0 when the plan holds, 1 when it does not, 2 when a \
        file is invalid.

        Example:
          corridor plan datasets/tiny.yaml --format json > plan.json
          corridor verify datasets/tiny.yaml plan.json
        """
    )

    @Argument(help: "Network file (.json, .yaml or .yml); - reads standard input.")
    var network: String

    @Argument(help: "Plan JSON, as written by corridor plan --format json; - reads standard input.")
    var plan: String

    func validate() throws {
        if network == "-", plan == "-" {
            throw ValidationError("the network and the plan cannot both be read from standard input (-)")
        }
    }

    func run() throws {
        let loaded = NetworkFile.load(network)
        let planned: Plan
        do {
            planned = try PlanJSON.read(path: plan)
        } catch {
            Console.fail(error)
        }
        let result = PlanVerifier(network: loaded).verify(planned)
        if result.isValid {
            Console.write("\(plan): the plan holds (\(planned.movements.count) movements, objective \(planned.objective))\n")
            return
        }
        var lines = ["\(plan): \(Readable.counted(result.violations.count, "violation"))"]
        lines += result.violations.map { "  \($0)" }
        Console.write(lines.joined(separator: "\n") + "\n")
        throw ExitCode(ExitStatus.failure)
    }
}
