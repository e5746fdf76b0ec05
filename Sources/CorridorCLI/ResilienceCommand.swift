import ArgumentParser
import Corridor
import CorridorLP
import Foundation

/// `corridor resilience NETWORK`: what happens when a port, a crossing or a rail line fails.
struct ResilienceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resilience",
        abstract: "Measure how the plan degrades when links, hubs or crossings fail.",
        discussion: """
        Every re-solve starts from an optimal basis on the already-loaded GLPK problem (bound \
        changes, dual simplex, presolve off). A failure is settled without a solve when the optimal \
        plan of the baseline, or of a smaller failure (a hub's link), carries nothing on what it \
        closes: that plan stays optimal; failures leaving the same LP are solved once (same_plan_as \
        says which). Elements are each link direction, each hub (all its links) and each border \
        rule direction (the crossing closed). Name some with --elements: a link id, a hub id, or a \
        border rule as FROM-TO (prefix link:, hub: or border: when a name is ambiguous; write a \
        comma inside a name as \\,).

        Examples:
          corridor resilience datasets/baltic-reinforcement/network.yaml
          corridor resilience net.yaml --mode degrade --levels 1,0.8,0.6,0.4,0.2
          corridor resilience net.yaml --mode random --failures 2 --trials 200 --jobs 2
          corridor resilience net.yaml --mode worst --k 2 --format json
        """
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case single, degrade, random, worst
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: "Network file (.json, .yaml or .yml); - reads standard input.")
    var network: String

    @Option(help: "single, degrade, random or worst.")
    var mode: Mode = .single

    @Option(help: "Comma-separated elements to consider (default: all); \\, is a comma inside a name.")
    var elements: String?

    @Option(parsing: .unconditional, help: "degrade: comma-separated capacity levels (default: 1,0.9,…,0.1).")
    var levels: String?

    @Option(parsing: .unconditional, help: "random: elements failing together in each trial.")
    var failures: Int?

    @Option(parsing: .unconditional, help: "random: probability that each element fails in a trial (instead of --failures).")
    var probability: Double?

    @Option(parsing: .unconditional, help: "random: number of trials (default: 100).")
    var trials: Int?

    @Option(parsing: .unconditional, help: "random: seed of the failure sampler (default: 1).")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "worst: size of the failure set (default: 2).")
    var k: Int?

    @Option(name: .customLong("exact-limit"), parsing: .unconditional, help: "worst: most re-solves the exact search may make before falling back to a greedy bound (default: 5000).")
    var exactLimit: Int?

    @Option(parsing: .unconditional, help: "Parallel workers, each with its own GLPK problem and thread. Output does not depend on it.")
    var jobs: Int = 1

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds allowed for each solve.")
    var timeLimit: Double?

    @Flag(help: "No progress bar.")
    var quiet = false

    static let defaultLevels = "1,0.9,0.8,0.7,0.6,0.5,0.4,0.3,0.2,0.1"
    private var trialCount: Int { trials ?? 100 }
    private var setSize: Int { k ?? 2 }
    private var resolveLimit: Int { exactLimit ?? 5000 }

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        // An option of another mode would be ignored in silence: say so instead.
        let modeOptions: [(name: String, given: Bool, mode: Mode)] = [
            ("--levels", levels != nil, .degrade), ("--failures", failures != nil, .random),
            ("--probability", probability != nil, .random), ("--trials", trials != nil, .random),
            ("--seed", seed != nil, .random), ("--k", k != nil, .worst), ("--exact-limit", exactLimit != nil, .worst),
        ]
        for option in modeOptions where option.given && option.mode != mode {
            throw ValidationError("\(option.name) is for --mode \(option.mode.rawValue), not --mode \(mode.rawValue)")
        }
        guard trialCount >= 1, trialCount <= 1_000_000 else { throw ValidationError("--trials must be between 1 and 1000000") }
        guard setSize >= 1 else { throw ValidationError("--k must be at least 1") }
        guard resolveLimit >= 1 else { throw ValidationError("--exact-limit must be at least 1") }
        if let failures, failures < 1 { throw ValidationError("--failures must be at least 1") }
        if let probability, !(probability >= 0 && probability <= 1) {
            throw ValidationError("--probability must be between 0 and 1")
        }
        if failures != nil, probability != nil { throw ValidationError("give --failures or --probability, not both") }
        try TimeLimit.validate(timeLimit)
        _ = try parsedLevels()
    }

    private func parsedLevels() throws -> [Double] {
        // Empty items (`,1` or `1,,0.5`) are mistakes, not something to skip.
        // Decimal numbers only (Double() also reads 0x1p-2, inf and nan), and 0 or at least 1e-6:
        // 1e-300 made capacities far below the 1e-12 a network's numbers may go down to.
        let decimal = Set("0123456789.eE+-")
        let values = (levels ?? Self.defaultLevels).split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.allSatisfy(decimal.contains) ? Double($0) : nil }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && ($0! == 0 || $0! >= 1e-6) && $0! <= 10 }) else {
            throw ValidationError("--levels must be comma-separated decimal numbers, each 0 or between 0.000001 and 10, "
                                  + "e.g. 1,0.5,0.1")
        }
        return values.map { $0! }
    }

    func run() throws {
        let loaded = NetworkFile.load(network)
        let selected: [FailureElement]?
        do {
            selected = try elements.map {
                try FailureElement.named(FailureElement.names(inList: $0), in: loaded)
            }
        } catch {
            Console.fail(error)
        }
        let pool = selected ?? FailureElement.all(in: loaded)
        let sampling: ResilienceAnalysis.Sampling = probability.map { .probability($0) } ?? .count(failures ?? 1)
        do {
            // Before the baseline is solved: a command-line mistake should not wait for it.
            if mode == .random { try sampling.check(elements: pool.count) }
        } catch {
            Console.fail(error)
        }
        // A --k above the elements would quietly become all of them (the default 2 is clipped).
        if mode == .worst, let k, k > pool.count {
            Console.fail(InputError(file: "--k", message: "is \(k), but only \(pool.count) elements are considered"))
        }
        let engine: ResilienceEngine
        do {
            // No more workers than there can be solves at once: one per element (single), per level
            // (degrade); random and worst may solve more sets than elements.
            let solves: Int
            switch mode {
            case .single: solves = pool.count
            case .degrade: solves = (try? parsedLevels().count) ?? jobs
            case .random, .worst: solves = jobs
            }
            engine = try ResilienceEngine(network: loaded, options: TimeLimit.solverOptions(timeLimit), file: network,
                                          workers: max(1, min(jobs, solves)))
        } catch {
            Console.fail(error)
        }
        let bar = ProgressBar(label: "resilience \(mode.rawValue)", enabled: !quiet)
        let progress: ResilienceAnalysis.Progress = { done, total in bar.update(done: done, total: total) }
        do {
            switch mode {
            case .single:
                let report = try ResilienceAnalysis.single(engine, elements: pool, jobs: jobs, progress: progress)
                try output(report, text: ResilienceText.render(report), csv: ResilienceText.csv(report))
            case .degrade:
                let report = try ResilienceAnalysis.degrade(engine, levels: parsedLevels(), elements: selected,
                                                            jobs: jobs, progress: progress)
                try output(report, text: ResilienceText.render(report), csv: ResilienceText.csv(report))
            case .random:
                let report = try ResilienceAnalysis.random(engine, elements: pool, sampling: sampling, trials: trialCount,
                                                           seed: seed ?? 1, jobs: jobs, progress: progress)
                try output(report, text: ResilienceText.render(report), csv: ResilienceText.csv(report))
            case .worst:
                let report = try ResilienceAnalysis.worst(engine, elements: pool, k: setSize, exactLimit: resolveLimit,
                                                          jobs: jobs, progress: progress)
                try output(report, text: ResilienceText.render(report), csv: ResilienceText.csv(report))
            }
        } catch {
            Console.fail(error)
        }
    }

    private func output<Report: Encodable>(_ report: Report, text: @autoclosure () -> String,
                                           csv: @autoclosure () -> String) throws {
        switch format {
        case .json: Console.write(try AnalysisJSON.encode(report))
        case .csv: Console.write(csv())
        case .text: Console.write(text())
        }
    }
}
