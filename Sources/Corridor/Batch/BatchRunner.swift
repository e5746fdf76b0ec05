import CorridorLP
import Foundation

/// Runs scenarios on `jobs` threads and hands their records to `emit` strictly in the given order,
/// each as soon as it and every scenario before it are done, so output order never depends on the
/// number of jobs and an interrupted run leaves a clean prefix. Each network file is read and parsed
/// once per run (`BatchDocuments`), however many scenarios name it. Optionally writes each
/// scenario's plan JSON atomically (temporary file, then rename).
public struct BatchRunner: Sendable {
    public var jobs: Int
    public var planning: PlanningOptions
    /// Record `solve_seconds`.
    public var timing: Bool
    /// Directory for plan JSON files, one per successful scenario.
    public var plansDirectory: String?

    public init(jobs: Int = 1, planning: PlanningOptions = .init(), timing: Bool = true, plansDirectory: String? = nil) {
        self.jobs = jobs
        self.planning = planning
        self.timing = timing
        self.plansDirectory = plansDirectory
    }

    /// Runs `scenarios`; `emit` is called once per scenario, in order, never concurrently.
    public func run(_ scenarios: [BatchScenario], emit: @escaping @Sendable (BatchRecord) -> Void) {
        run(scenarios, documents: BatchDocuments(scenarios: scenarios), emit: emit)
    }

    /// Runs `scenarios` on the documents of `documents`.
    func run(_ scenarios: [BatchScenario], documents: BatchDocuments, emit: @escaping @Sendable (BatchRecord) -> Void) {
        let state = OrderedEmitter(count: scenarios.count, emit: emit)
        let runner = self
        let concurrent = max(1, min(jobs, scenarios.count))
        // Jobs solve side by side, so they share the memory one run may take (contract §4.12).
        var shared = planning
        if concurrent > 1 {
            shared.memoryLimit = (planning.memoryLimit ?? SizeEstimate.defaultMemoryLimit) / UInt64(concurrent)
        }
        let options = shared
        // GLPK keeps an environment per thread until it is freed. The caller's thread may hold GLPK
        // problems of its own, so only the pool's other threads free theirs when their jobs are done.
        let caller = pthread_self()
        DispatchQueue.concurrentPerform(iterations: concurrent) { _ in
            defer { if pthread_equal(pthread_self(), caller) == 0 { GLPKEnvironment.releaseForCurrentThread() } }
            while let index = state.take() {
                let scenario = scenarios[index]
                var (record, plan) = BatchScenarioRunner.run(scenario, options: options, timing: runner.timing,
                                                             documents: documents)
                if let plan, let directory = runner.plansDirectory {
                    do {
                        try BatchRunner.writePlan(plan, id: scenario.id, directory: directory)
                    } catch {
                        record = BatchRecord(id: scenario.id, network: scenario.networkLabel,
                                             error: "the plan could not be written: \(IOFailure.reason(error))")
                    }
                }
                state.finish(index, record)
            }
        }
    }

    /// `DIR/<id with / and other unsafe characters as _>.json`, written atomically.
    public static func planPath(id: String, directory: String) -> String {
        let safe = String(id.map { $0.isLetter || $0.isNumber || "._=-".contains($0) ? $0 : "_" })
        return URL(fileURLWithPath: directory).appendingPathComponent(safe + ".json").path
    }

    /// Longest plan file name, in bytes: the file system's 255, less what the temporary file that
    /// `writePlan` renames into place adds (`.tmp-` and a process id).
    static let longestPlanFileName = 255 - 12

    /// Why `--plans` cannot write every scenario's plan file: scenarios whose plan files would be the
    /// same file (ids that differ only in characters that become `_`, or only in case, which some
    /// file systems ignore), and ids too long for a file name. One message per problem, in manifest
    /// order. `--plans` refuses to run when there is any: which plan a shared file held would depend
    /// on the order the jobs finish, and a long id would fail its scenario after the solve.
    public static func planPathProblems(ids: [String], directory: String) -> [String] {
        var first: [String: String] = [:]
        var problems: [String] = []
        for id in ids {
            let path = planPath(id: id, directory: directory)
            let name = URL(fileURLWithPath: path).lastPathComponent
            if name.utf8.count > longestPlanFileName {
                problems.append("scenario \"\(id.prefix(40))…\" would write a plan file name of \(name.utf8.count) bytes, "
                                + "more than \(longestPlanFileName); give it a shorter id")
                continue
            }
            let key = path.lowercased()
            if let earlier = first[key] {
                problems.append("scenarios \"\(earlier)\" and \"\(id)\" would both write \(path); give one another id")
            } else {
                first[key] = id
            }
        }
        return problems
    }

    /// Makes sure `--plans DIR` can take the plan files before anything runs (every scenario was
    /// solved and then failed "the plan could not be written"): an empty path or an existing
    /// non-directory is an `InputError`; a directory that cannot be created throws the system's error.
    public static func preparePlansDirectory(_ directory: String) throws {
        guard !directory.isEmpty else { throw InputError(file: "--plans", message: "is empty; give a directory") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw InputError(file: directory, path: "--plans", message: "is a file, not a directory for the plans")
            }
            return
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    static func writePlan(_ plan: Plan, id: String, directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try BatchFilePath.replace(planPath(id: id, directory: directory), with: PlanJSON.encode(plan))
    }
}

/// Hands out scenario indices in order and releases finished records in order.
private final class OrderedEmitter: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private let emit: @Sendable (BatchRecord) -> Void
    private var next = 0
    private var nextToEmit = 0
    private var finished: [Int: BatchRecord] = [:]

    init(count: Int, emit: @escaping @Sendable (BatchRecord) -> Void) {
        self.count = count
        self.emit = emit
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ index: Int, _ record: BatchRecord) {
        lock.lock()
        defer { lock.unlock() }
        finished[index] = record
        while let ready = finished.removeValue(forKey: nextToEmit) {
            emit(ready)
            nextToEmit += 1
        }
    }
}
