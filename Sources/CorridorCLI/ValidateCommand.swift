import ArgumentParser
import Corridor
import Foundation

/// `corridor validate NETWORK`: the checks, then a summary of the network and its LP.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file and summarise it.",
        discussion: """
        Reports every problem at once as FILE: path.to.field: message (exit 2), or prints the \
        network's size and the size of its LP (exit 0).

        Example:
          corridor validate datasets/baltic-reinforcement/network.yaml
        """
    )

    /// Models with more columns (the pruned model's exact count, `Formulation.checkSize`) are not
    /// built by `validate` just to count rows and non-zeros: a model of a few million columns fits
    /// the memory check (2 KB a column) but takes seconds and gigabytes to build.
    static let largestModelBuilt = 2_000_000

    @Argument(help: "Network file (.json, .yaml or .yml); - reads standard input.")
    var network: String

    func run() throws {
        let loaded = NetworkFile.load(network)
        let lpLine: String
        do {
            let bound = try Formulation.checkSize(loaded, file: network, exactAbove: Self.largestModelBuilt)
            if bound <= Self.largestModelBuilt {
                let program = try Formulation.build(loaded, file: network).program
                lpLine = "\(program.numberOfRows) rows, \(program.numberOfColumns) columns, \(program.numberOfNonZeros) non-zeros"
            } else {
                lpLine = "\(bound) columns (rows and non-zeros not counted: a model this large is not built "
                    + "just to be counted; `corridor plan` builds it, and refuses it if it is then too large for the memory)"
            }
        } catch {
            Console.fail(error)
        }
        let ruleCount = Set(loaded.borderRules.map(\.declaredIndex)).count
        let lines = [
            "\(network): valid",
            "  name:         \(loaded.name)",
            "  horizon:      \(Readable.counted(loaded.periods, loaded.periodLabel)) (0–\(loaded.periods - 1))",
            "  dimensions:   \(loaded.dimensions.joined(separator: ", "))",
            "  commodities:  \(loaded.commodities.count)",
            "  hubs:         \(loaded.hubs.count)",
            "  links:        \(loaded.links.count) (\(Readable.counted(loaded.arcs.count, "direction")))",
            "  countries:    \(loaded.countries.count) (\(loaded.countries.joined(separator: ", ")))",
            "  border rules: \(ruleCount) (\(Readable.counted(loaded.borderRules.count, "direction"))), agreements: \(loaded.agreements.count)",
            "  movements:    \(loaded.movements.count)",
            "  LP:           \(lpLine)",
        ]
        Console.write(lines.joined(separator: "\n") + "\n")
    }
}
