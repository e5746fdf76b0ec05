// Corridor's pipeline, stage by stage, on generated networks of sizes S, M and L, and the
// warm-versus-cold single-failure sweep of the resilience analysis on baltic-reinforcement.
// Run from Benchmarks/: `swift package benchmark` (see README.md).

import Benchmark
import Corridor
import CorridorLP
import Foundation

/// Simplex iterations of the measured solve (GLPK's own count).
let simplexIterations = BenchmarkMetric.custom("simplex iterations", polarity: .prefersSmaller, useScalingFactor: false)

let stageMetrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .mallocCountTotal]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: stageMetrics, timeUnits: .milliseconds,
                                           warmupIterations: 1, maxDuration: .seconds(1), maxIterations: 20)

    for size in [NetworkGenerator.Size.s, .m, .l] {
        let configuration = BenchmarkSetup.configuration(size)
        let tag = "\(size.rawValue)"

        Benchmark("\(tag) 1 parse", configuration: configuration) { benchmark, path in
            for _ in benchmark.scaledIterations { blackHole(try! DocumentReader.read(path: path)) }
        } setup: {
            try BenchmarkSetup.documentFile(size)
        }

        Benchmark("\(tag) 2 validate", configuration: configuration) { benchmark, document in
            for _ in benchmark.scaledIterations { blackHole(try! NetworkDecoder.decode(document, file: "generated.yaml")) }
        } setup: {
            try BenchmarkSetup.document(size)
        }

        Benchmark("\(tag) 3 formulate", configuration: configuration) { benchmark, network in
            for _ in benchmark.scaledIterations { blackHole(try! Formulation.build(network)) }
        } setup: {
            try BenchmarkSetup.network(size)
        }

        Benchmark("\(tag) 4 load into GLPK", configuration: configuration) { benchmark, formulation in
            for _ in benchmark.scaledIterations { blackHole(try! GLPKProblem(formulation.program)) }
        } setup: {
            try BenchmarkSetup.formulation(size)
        }

        Benchmark("\(tag) 5 solve", configuration: configuration.adding(simplexIterations)) { benchmark, formulation in
            // A fresh problem per iteration (a solved one would finish at once); only the solve is timed.
            let problem = try! GLPKProblem(formulation.program)
            benchmark.startMeasurement()
            let status = problem.solve(Planner.defaultSolverOptions)
            benchmark.stopMeasurement()
            precondition(status == .optimal, "\(tag): \(status)")
            benchmark.measurement(simplexIterations, problem.lastSolveIterations)
            SolutionCache.store(Solution(values: problem.primalValues(), objective: problem.objectiveValue,
                                         iterations: problem.lastSolveIterations), for: formulation.program)
        } setup: {
            try BenchmarkSetup.formulation(size)
        }

        Benchmark("\(tag) 6 extract plan", configuration: configuration) { benchmark, solved in
            for _ in benchmark.scaledIterations {
                blackHole(PlanExtractor.plan(network: solved.network, formulation: solved.formulation,
                                             values: solved.solution.values, objective: solved.solution.objective,
                                             iterations: solved.solution.iterations))
            }
        } setup: {
            try BenchmarkSetup.solved(size)
        }

        Benchmark("\(tag) 7 verify", configuration: configuration) { (benchmark, state: (PlanVerifier, Plan)) in
            let (verifier, plan) = state
            for _ in benchmark.scaledIterations {
                let result = verifier.verify(plan)
                precondition(result.isValid)
                blackHole(result)
            }
        } setup: {
            let solved = try BenchmarkSetup.solved(size)
            let plan = PlanExtractor.plan(network: solved.network, formulation: solved.formulation,
                                          values: solved.solution.values, objective: solved.solution.objective,
                                          iterations: solved.solution.iterations)
            return (PlanVerifier(network: solved.network), plan)
        }
    }

    // Issue 3: a single-failure sweep over every element of baltic-reinforcement, warm-started
    // (one GLPK problem, baseline basis restored, bounds changed, dual simplex) against the same
    // sweep solved cold (a new problem per scenario, solved as `corridor plan` does: presolve on).
    let sweep = Benchmark.Configuration(metrics: stageMetrics, timeUnits: .milliseconds, warmupIterations: 1,
                                        maxDuration: .seconds(3), maxIterations: 5)

    Benchmark("resilience baltic sweep warm", configuration: sweep) { benchmark, state in
        for _ in benchmark.scaledIterations { blackHole(try! state.engine.evaluate(state.scenarios)) }
    } setup: {
        try ResilienceSetup.baltic()
    }

    Benchmark("resilience baltic sweep cold", configuration: sweep) { benchmark, state in
        for _ in benchmark.scaledIterations {
            blackHole(state.scenarios.map { state.engine.evaluateCold($0) })
        }
    } setup: {
        try ResilienceSetup.baltic()
    }

    // The same two sweeps on GLPK alone (no metrics computed), counting simplex iterations: where
    // the time of a warm re-solve goes. Warm fixes the failure's columns and those it strands (as
    // `corridor resilience` does), or — to show what fixing stranded columns saves — only the
    // failure's own; cold only the failure's own.
    solverIterationsBenchmark("resilience baltic re-solves warm (GLPK only)", configuration: sweep, warm: true) { $0 }
    solverIterationsBenchmark("resilience baltic re-solves warm, own columns only (GLPK only)", configuration: sweep,
                              warm: true) { ResilienceScenario(closedColumns: $0.closedColumns) }

    solverIterationsBenchmark("resilience baltic re-solves cold (GLPK only)", configuration: sweep, warm: false) { $0 }

    // What `corridor resilience` runs: warm, failures settled by the baseline's or a smaller failure's
    // optimal plan, or sharing a solved failure's LP, are not re-solved, and the rest start from a
    // solved subset's basis when there is one.
    singleAnalysisBenchmark("resilience baltic single (corridor resilience)", configuration: sweep, setup: ResilienceSetup.baltic)
    // The same with two workers (this machine has two cores): not like for like with the
    // single-threaded cold sweep, reported beside it.
    singleAnalysisBenchmark("resilience baltic single, 2 jobs", configuration: sweep, jobs: 2, setup: ResilienceSetup.baltic)

    // The same comparison on the generated S network (seed 1: 323 elements), which has the redundancy
    // of a real network: most failures reroute a little flow, and a warm re-solve takes a few dozen
    // iterations where a cold solve takes about a thousand.
    Benchmark("resilience S sweep warm", configuration: sweep) { benchmark, state in
        for _ in benchmark.scaledIterations { blackHole(try! state.engine.evaluate(state.scenarios)) }
    } setup: {
        try ResilienceSetup.generated(.s)
    }

    Benchmark("resilience S sweep cold", configuration: sweep) { benchmark, state in
        for _ in benchmark.scaledIterations {
            blackHole(state.scenarios.map { state.engine.evaluateCold($0) })
        }
    } setup: {
        try ResilienceSetup.generated(.s)
    }

    singleAnalysisBenchmark("resilience S single (corridor resilience)", configuration: sweep) {
        try ResilienceSetup.generated(.s)
    }
}

/// `corridor resilience`'s single-failure analysis (`ResilienceAnalysis.single`) on `jobs` workers,
/// with the simplex iterations of its re-solves.
func singleAnalysisBenchmark(_ name: String, configuration: Benchmark.Configuration, jobs: Int = 1,
                             setup: @escaping () throws -> ResilienceSetup.State) {
    Benchmark(name, configuration: configuration.adding(simplexIterations)) { benchmark, state in
        var iterations = 0
        for _ in benchmark.scaledIterations {
            let report = try! ResilienceAnalysis.single(state.engine, elements: state.elements, jobs: jobs)
            iterations = report.simplexIterations
            blackHole(report)
        }
        benchmark.measurement(simplexIterations, iterations)
    } setup: {
        try setup()
    }
}

/// Every element of baltic-reinforcement solved on GLPK alone (no metrics), cold or warm from the
/// baseline basis (`ResilienceEngine.solverIterations`), each scenario as `scenario` turns it.
func solverIterationsBenchmark(_ name: String, configuration: Benchmark.Configuration, warm: Bool,
                               scenario: @escaping (ResilienceScenario) -> ResilienceScenario) {
    Benchmark(name, configuration: configuration.adding(simplexIterations)) { benchmark, state in
        var iterations = 0
        for _ in benchmark.scaledIterations {
            iterations = try! state.engine.solverIterations(state.scenarios.map(scenario), warm: warm)!
        }
        benchmark.measurement(simplexIterations, iterations)
    } setup: {
        try ResilienceSetup.baltic()
    }
}

extension Benchmark.Configuration {
    func adding(_ metric: BenchmarkMetric) -> Benchmark.Configuration {
        var copy = self
        copy.metrics.append(metric)
        return copy
    }
}

/// Generated networks and the products of each stage, built in a benchmark's (unmeasured) setup.
/// Every benchmark runs in a process of its own, so each setup builds what it needs from scratch.
enum BenchmarkSetup {
    static let seed: UInt64 = 1

    /// S runs many iterations; M a few; L one (its solve takes about a minute).
    static func configuration(_ size: NetworkGenerator.Size) -> Benchmark.Configuration {
        switch size {
        case .s: return .init(metrics: stageMetrics, timeUnits: .milliseconds, warmupIterations: 1,
                              maxDuration: .seconds(1), maxIterations: 20)
        case .m: return .init(metrics: stageMetrics, timeUnits: .milliseconds, warmupIterations: 0,
                              maxDuration: .seconds(2), maxIterations: 5)
        default: return .init(metrics: stageMetrics, timeUnits: .milliseconds, warmupIterations: 0,
                              maxDuration: .seconds(1), maxIterations: 1)
        }
    }

    static func text(_ size: NetworkGenerator.Size) -> String {
        NetworkGenerator(.init(size: size, seed: seed)).document()
    }

    /// The YAML document in a temporary file, for the parse stage.
    static func documentFile(_ size: NetworkGenerator.Size) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-benchmark-\(size.rawValue)-\(seed)-\(getpid()).yaml")
        try Data(text(size).utf8).write(to: url)
        return url.path
    }

    static func document(_ size: NetworkGenerator.Size) throws -> DocumentNode {
        try DocumentReader.parse(Data(text(size).utf8), file: "generated.yaml", format: .yaml)
    }

    static func network(_ size: NetworkGenerator.Size) throws -> Network {
        try NetworkDecoder.decode(document(size), file: "generated.yaml")
    }

    static func formulation(_ size: NetworkGenerator.Size) throws -> Formulation {
        try Formulation.build(network(size))
    }

    struct Solved {
        var network: Network
        var formulation: Formulation
        var solution: Solution
    }

    /// The optimal solution, from the cache the solve benchmark fills (or solved here).
    static func solved(_ size: NetworkGenerator.Size) throws -> Solved {
        let network = try network(size)
        let formulation = try Formulation.build(network)
        if let cached = SolutionCache.load(for: formulation.program) {
            return Solved(network: network, formulation: formulation, solution: cached)
        }
        let problem = try GLPKProblem(formulation.program)
        let status = problem.solve(Planner.defaultSolverOptions)
        guard status == .optimal else { throw BenchmarkSetupError.notOptimal("\(size.rawValue): \(status)") }
        let solution = Solution(values: problem.primalValues(), objective: problem.objectiveValue,
                                iterations: problem.lastSolveIterations)
        SolutionCache.store(solution, for: formulation.program)
        return Solved(network: network, formulation: formulation, solution: solution)
    }
}

enum BenchmarkSetupError: Error {
    case notOptimal(String)
    case missingDataset(String)
}

struct Solution {
    var values: [Double]
    var objective: Double
    var iterations: Int
}

/// Optimal solutions on disk (in the temporary directory), keyed by a digest of the whole LP, so
/// the extract and verify benchmarks — each in a process of its own — need not solve L again. The
/// same LP always has the same GLPK solution, so a hit is exactly what a solve would give.
enum SolutionCache {
    static func url(for program: LinearProgram) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-benchmark-solutions")
            .appendingPathComponent(String(digest(program), radix: 16) + ".bin")
    }

    /// FNV-1a over every number of the LP.
    static func digest(_ program: LinearProgram) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 0x0000_0100_0000_01b3 }
        mix(UInt64(program.numberOfRows))
        mix(UInt64(program.numberOfColumns))
        for array in [program.objective, program.columnLower, program.columnUpper, program.rowLower, program.rowUpper,
                      program.entryValue] {
            mix(UInt64(array.count))
            for value in array { mix(value.bitPattern) }
        }
        for array in [program.entryRow, program.entryColumn] {
            for value in array { mix(UInt64(UInt32(bitPattern: value))) }
        }
        return hash
    }

    static func store(_ solution: Solution, for program: LinearProgram) {
        let url = url(for: program)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        var data = Data()
        let header = [solution.objective.bitPattern, UInt64(solution.iterations), UInt64(solution.values.count)]
        header.withUnsafeBytes { data.append(contentsOf: $0) }
        solution.values.map(\.bitPattern).withUnsafeBytes { data.append(contentsOf: $0) }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = url.appendingPathExtension("\(getpid())")
        do {
            try data.write(to: partial)
            try FileManager.default.moveItem(at: partial, to: url)
        } catch {
            try? FileManager.default.removeItem(at: partial)
        }
    }

    static func load(for program: LinearProgram) -> Solution? {
        guard let data = try? Data(contentsOf: url(for: program)), data.count >= 24 else { return nil }
        let words = data.withUnsafeBytes { Array($0.bindMemory(to: UInt64.self)) }
        let count = Int(words[2])
        guard count == program.numberOfColumns, words.count == 3 + count else { return nil }
        return Solution(values: words[3...].map { Double(bitPattern: $0) }, objective: Double(bitPattern: words[0]),
                        iterations: Int(words[1]))
    }
}

/// A resilience engine (baseline solved in setup) and one scenario per element.
enum ResilienceSetup {
    struct State {
        var engine: ResilienceEngine
        var elements: [FailureElement]
        var scenarios: [ResilienceScenario]
    }

    /// Benchmarks/ is next to datasets/.
    static var datasetPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("datasets/baltic-reinforcement/network.yaml").path
    }

    static func baltic() throws -> State {
        let path = datasetPath
        guard FileManager.default.fileExists(atPath: path) else { throw BenchmarkSetupError.missingDataset(path) }
        let network = try NetworkDecoder.load(path: path)
        let engine = try ResilienceEngine(network: network, file: path)
        let elements = FailureElement.all(in: network)
        return State(engine: engine, elements: elements, scenarios: elements.map { engine.scenario(closing: [$0]) })
    }

    /// The generated network of `size` (seed 1) and one scenario per element.
    static func generated(_ size: NetworkGenerator.Size) throws -> State {
        let network = try BenchmarkSetup.network(size)
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)
        return State(engine: engine, elements: elements, scenarios: elements.map { engine.scenario(closing: [$0]) })
    }
}
