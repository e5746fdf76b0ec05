import ArgumentParser
import Corridor
import Foundation

/// `corridor batch`: scenario sweeps from scripts, resumable and shardable.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a manifest of what-if scenarios; one result line per scenario.",
        discussion: """
        A manifest lists scenarios: a base network plus overrides, sweeps over a parameter, or a glob \
        of network files (docs/batch.md). Each scenario's result is one JSON line, in manifest order \
        whatever --jobs is, appended and flushed as it completes.

        Examples:
          corridor batch sweep.yaml --output results.jsonl --jobs 2
          corridor batch sweep.yaml --output results.jsonl --resume  # after a stop
          corridor batch sweep.yaml --shard 0/4 --output part-0.jsonl  # 1 of 4
          corridor batch merge --manifest sweep.yaml part-*.jsonl --output all.jsonl

        Exit status: 0 every scenario succeeded; 1 some failed (their lines say why); \
        2 the manifest or the command line is invalid (nothing was run).
        """,
        subcommands: [BatchRunCommand.self, BatchMergeCommand.self],
        defaultSubcommand: BatchRunCommand.self
    )
}

extension BatchOutput.Format: ExpressibleByArgument {}

struct BatchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the scenarios of a manifest (the default: `corridor batch MANIFEST`).",
        discussion: "Example:\n  corridor batch run sweep.yaml --jobs 2 --output results.jsonl"
    )

    @Argument(help: "Manifest (.yaml, .yml or .json).")
    var manifest: String

    @Option(help: "Write results to this file instead of standard output: a new or empty file, or with --resume one this batch started.")
    var output: String?

    @Option(help: "Output format: jsonl or csv.")
    var format: BatchOutput.Format = .jsonl

    @Option(parsing: .unconditional, help: "Scenarios run in parallel.")
    var jobs: Int = 1

    @Flag(help: "Skip scenarios already in --output (after an interruption, even kill -9).")
    var resume = false

    @Option(parsing: .unconditional, help: "Run only shard I of N (0-based: 0/4 … 3/4): scenarios whose position modulo N is I.")
    var shard: String?

    @Option(help: "Write each scenario's plan JSON into this directory.")
    var plans: String?

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds allowed for each scenario's solve.")
    var timeLimit: Double?

    @Flag(name: .customLong("no-timing"), help: "Leave solve_seconds out, so repeated runs are byte-identical.")
    var noTiming = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        if resume, output == nil { throw ValidationError("--resume needs --output FILE") }
        if shard != nil, parsedShard == nil { throw ValidationError("--shard must be I/N with 0 ≤ I < N, e.g. 0/4") }
        try TimeLimit.validate(timeLimit)
    }

    var parsedShard: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, index >= 0, index < count else {
            return nil
        }
        return (index, count)
    }

    func run() throws {
        let loaded: BatchManifest
        do {
            loaded = try BatchManifest.load(path: manifest)
        } catch {
            Console.fail(error)
        }
        if let plans {
            // Checked over the whole manifest, so that every shard writes the same files.
            let clashes = BatchRunner.planPathProblems(ids: loaded.scenarios.map(\.id), directory: plans)
            if !clashes.isEmpty {
                Console.fail(InputError(clashes.map { Diagnostic(file: manifest, path: "--plans", message: $0) }))
            }
        }
        if let output, let refusal = BatchOutput.refusal(output: output, manifest: manifest,
                                                         inputs: loaded.scenarios.map(\.network), mayHoldResults: resume) {
            Console.fail(refusal)
        }
        var scenarios = loaded.scenarios
        if let (index, count) = parsedShard { scenarios = loaded.shard(index, of: count) }
        let sink: BatchOutput
        var earlierFailures = 0
        do {
            if resume, let output {
                let done = try BatchResume.completed(path: output, format: format, scenarios: loaded.scenarios)
                earlierFailures = scenarios.filter { done.failedIds.contains($0.id) }.count
                scenarios.removeAll { done.ids.contains($0.id) }
                if !quiet, !done.retried.isEmpty {
                    Console.error("batch: running again \(Readable.counted(done.retried.count, "scenario")) that hit the time "
                                  + "or memory limit: \(done.retried.prefix(5).joined(separator: ", "))"
                                  + (done.retried.count > 5 ? ", …" : ""))
                }
            }
            sink = try BatchOutput(path: output, format: format)
        } catch let error as InputError {
            Console.fail(error)
        } catch {
            Console.error("corridor: \(output ?? "stdout"): \(IOFailure.reason(error))")
            throw ExitCode(ExitStatus.failure)
        }
        if let plans {
            // Created only once nothing else refuses the run.
            do {
                try BatchRunner.preparePlansDirectory(plans)
            } catch let error as InputError {
                Console.fail(error)
            } catch {
                Console.error("corridor: --plans \(plans): \(IOFailure.reason(error))")
                throw ExitCode(ExitStatus.failure)
            }
        }
        let solver = TimeLimit.solverOptions(timeLimit)
        let runner = BatchRunner(jobs: jobs, planning: PlanningOptions(solver: solver), timing: !noTiming,
                                 plansDirectory: plans)
        let bar = ProgressBar(label: "batch", enabled: !quiet)
        let counter = BatchCounter()
        let total = scenarios.count
        runner.run(scenarios) { record in
            do {
                try sink.write(record)
            } catch {
                // Nothing more can be recorded: stop now rather than run scenarios whose results are lost.
                Console.error("corridor: cannot write to \(output ?? "standard output"): \(IOFailure.reason(error))")
                Foundation.exit(ExitStatus.failure)
            }
            let (done, failed) = counter.add(failed: record.status == "error")
            bar.update(done: done, total: total, note: failed > 0 ? "\(failed) failed" : nil)
        }
        let (done, failed) = counter.totals
        if !quiet {
            let earlier = earlierFailures > 0 ? " (and \(earlierFailures) failed in the run resumed, not run again)" : ""
            Console.error("batch: \(done) scenarios run, \(failed) failed\(earlier)")
        }
        if failed + earlierFailures > 0 { throw ExitCode(ExitStatus.failure) }
    }
}

/// Counts finished and failed scenarios across threads.
final class BatchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var failed = 0

    func add(failed isFailure: Bool) -> (Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if isFailure { failed += 1 }
        return (done, failed)
    }

    var totals: (Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        return (done, failed)
    }
}

struct BatchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard outputs; check every scenario is there exactly once.",
        discussion: """
        With --manifest, the merged output is in manifest order and every scenario must appear exactly \
        once (exit 1 naming the missing or duplicated ones). Without it, records are sorted by id.

        Example:
          corridor batch merge --manifest sweep.yaml part-*.jsonl --output all.jsonl
        """
    )

    @Argument(help: "Shard outputs to merge.")
    var inputs: [String]

    @Option(help: "The manifest the shards came from.")
    var manifest: String?

    @Option(help: "Write the merged records here instead of standard output.")
    var output: String?

    @Option(help: "Format of the inputs and the output: jsonl or csv.")
    var format: BatchOutput.Format = .jsonl

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one shard output") }
    }

    func run() throws {
        var records: [BatchRecord] = []
        for input in inputs {
            do {
                records += try BatchOutput.records(atPath: input, format: format)
            } catch {
                Console.fail(error)
            }
        }
        var expected: [BatchScenario]?
        if let manifest {
            do {
                expected = try BatchManifest.load(path: manifest).scenarios
            } catch {
                Console.fail(error)
            }
        }
        if let output, let manifest, let refusal = BatchOutput.refusal(output: output, manifest: manifest, inputs: [],
                                                                       mayHoldResults: true) {
            Console.fail(refusal)  // the inputs may be the output: they are read before it is written
        }
        let merge = BatchMerge(records: records, scenarios: expected)
        do {
            let sink = try BatchOutput(path: output, format: format, truncate: true)
            for record in merge.merged { try sink.write(record) }
        } catch {
            Console.error("corridor: \(output ?? "stdout"): \(IOFailure.reason(error))")
            throw ExitCode(ExitStatus.failure)
        }
        for problem in merge.problems { Console.error("merge: \(problem)") }
        if !merge.problems.isEmpty { throw ExitCode(ExitStatus.failure) }
    }
}
