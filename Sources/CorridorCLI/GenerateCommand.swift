import ArgumentParser
import Corridor
import Foundation

/// `corridor generate`: a seeded synthetic network, for tests, benchmarks and demos.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic network (YAML or JSON).",
        discussion: """
        Hubs in a few (fictional) countries, road and rail inside them, fewer crossings between \
        neighbours, long sea and air links, a customs union with border rules that beat it, \
        several commodities, and capacities tight enough that some demand is late or unmet. \
        The same options always give the same bytes. --size picks a named size (S ≈ 50 hubs, \
        150 links, 100 movements, 20 periods; M ≈ 150/500/400/30; L ≈ 400/1500/1100/40; \
        XL ≈ 1000/4000/5000/60); --hubs, --links, --movements and --periods override it.

        Examples:
          corridor generate --size S --seed 7 > s.yaml
          corridor generate --hubs 80 --links 240 --movements 150 --format json
        """
    )

    enum Size: String, ExpressibleByArgument, CaseIterable {
        case S, M, L, XL

        init?(argument: String) {
            self.init(rawValue: argument.uppercased())
        }
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Option(parsing: .unconditional, help: "Number of hubs (2 to 20000).")
    var hubs: Int?

    @Option(parsing: .unconditional, help: "Number of links (a both_ways link counts once).")
    var links: Int?

    @Option(parsing: .unconditional, help: "Number of movements.")
    var movements: Int?

    @Option(parsing: .unconditional, help: "Horizon in periods (days).")
    var periods: Int?

    @Option(parsing: .unconditional, help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Number of commodities.")
    var commodities: Int = 5

    @Option(parsing: .unconditional, help: "Most spare periods a movement gets beyond its shortest transit time; the LP grows fast with it.")
    var slack: Int = 2

    @Option(help: "Named size: S, M, L or XL (default S); the count options override it.")
    var size: Size = .S

    @Option(help: "Output format: yaml or json.")
    var format: OutputFormat = .yaml

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    var parameters: NetworkGenerator.Parameters {
        let named: NetworkGenerator.Size
        switch size {
        case .S: named = .s
        case .M: named = .m
        case .L: named = .l
        case .XL: named = .xl
        }
        var parameters = NetworkGenerator.Parameters(size: named, seed: seed,
                                                     format: format == .json ? .json : .yaml)
        parameters.commodities = commodities
        parameters.slack = slack
        if let hubs { parameters.hubs = hubs }
        if let links { parameters.links = links }
        if let movements { parameters.movements = movements }
        if let periods { parameters.periods = periods }
        return parameters
    }

    func validate() throws {
        if let problem = parameters.problems.first { throw ValidationError(problem) }
    }

    func run() throws {
        // Drawn only when standard error is a terminal, and only past two seconds: small sizes stay quiet.
        let bar = ProgressBar(label: "generate: movements", enabled: true, after: 2)
        let (text, made) = NetworkGenerator(parameters).generate { done, total in bar.update(done: done, total: total) }
        if made < parameters.links {
            Console.error("corridor generate: made \(made) of the \(parameters.links) links asked for; "
                          + "\(parameters.hubs) hubs have room for no more")
        }
        guard let output else {
            Console.write(text)
            return
        }
        do {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                throw OutputFileError(path: output, code: EISDIR)
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            Console.error("corridor: cannot write \(output): \(IOFailure.reason(error))")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
