import ArgumentParser
import Foundation

/// `corridor`: plans movements over a logistics network with GLPK.
@main
struct CorridorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor",
        abstract: "Optimal movement plans for logistics networks across borders.",
        discussion: """
        Reads a network (JSON or YAML: hubs, links, border rules, movements) and computes the \
        optimal movement plan with GLPK. See README.md for the format.

        Example:
          corridor plan datasets/baltic-reinforcement/network.yaml
          corridor plan datasets/tiny.yaml --format json > plan.json
          corridor verify datasets/tiny.yaml plan.json

        Exit status: 0 success; 1 solver or I/O failure, or a plan that does not verify; \
        2 invalid input or command line; 3 unmet demand with --fail-on-unmet.
        """,
        subcommands: [PlanCommand.self, ValidateCommand.self, VerifyCommand.self, ResilienceCommand.self, BatchCommand.self, GenerateCommand.self]
    )

    /// Parses and runs; an invalid command line exits with 2 (contract §5), not ArgumentParser's 64.
    static func main() {
        // A closed pipe (`corridor batch … | head`) is a write error that each command reports
        // (exit 1, the reason on standard error), not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
