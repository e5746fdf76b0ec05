import CorridorLP
import Foundation

/// A fixed set of threads, each owning one `ResilienceWorker` (a GLPK problem holding the baseline)
/// for the pool's whole life. GLPK objects are bound to the thread that created them, so work is
/// brought to the threads rather than the other way round. `run` hands out task indices and blocks
/// until every task is done; results are written by index, so they do not depend on which thread ran
/// which task. Call `shutdown` (or let `withPool` do it) to stop the threads.
final class WorkerPool: @unchecked Sendable {
    typealias Task = (ResilienceWorker, Int) -> Void

    private let condition = NSCondition()
    private var task: Task?
    private var taskCount = 0
    private var nextIndex = 0
    private var finished = 0
    private var stopping = false
    private var running = 0
    private var startupFailure: String?
    private var started = 0
    private let size: Int

    /// Starts `size` threads; each builds its worker with `make` on its own thread. Throws if a
    /// worker cannot be built (the threads are stopped first).
    init(size: Int, make: @escaping @Sendable () throws -> ResilienceWorker) throws {
        self.size = max(1, size)
        for _ in 0..<self.size {
            let thread = Thread { [self] in threadMain(make: make) }
            thread.stackSize = 16 << 20
            thread.start()
        }
        condition.lock()
        while started < self.size { condition.wait() }
        let failure = startupFailure
        condition.unlock()
        if let failure {
            shutdown()
            throw PlanningError.solver(failure)
        }
    }

    /// Runs `body(worker, index)` for every index in `0..<count`, spread over the threads; returns
    /// when all are done. Not reentrant: one `run` at a time.
    func run(_ count: Int, _ body: @escaping Task) {
        guard count > 0 else { return }
        condition.lock()
        precondition(!stopping, "WorkerPool.run after shutdown")
        task = body
        taskCount = count
        nextIndex = 0
        finished = 0
        condition.broadcast()
        while finished < count { condition.wait() }
        task = nil
        condition.unlock()
    }

    /// Stops the threads (each releases its worker, and so its GLPK problem, on its own thread).
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func threadMain(make: () throws -> ResilienceWorker) {
        var worker: ResilienceWorker?
        do {
            worker = try make()
        } catch {
            condition.lock()
            startupFailure = startupFailure ?? "\(error)"
            condition.unlock()
        }
        condition.lock()
        started += 1
        running += 1
        condition.broadcast()
        while true {
            while !stopping && (task == nil || nextIndex >= taskCount) { condition.wait() }
            if stopping { break }
            let index = nextIndex
            nextIndex += 1
            let body = task!
            condition.unlock()
            if let worker { body(worker, index) }
            condition.lock()
            finished += 1
            if finished == taskCount { condition.broadcast() }
        }
        condition.unlock()
        // Release the worker's GLPK problem, then this thread's GLPK environment, before saying so.
        worker = nil
        GLPKEnvironment.releaseForCurrentThread()
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}

extension WorkerPool {
    /// A pool of `size` workers for `engine`, each starting from the engine's baseline basis.
    convenience init(engine: ResilienceEngine, size: Int) throws {
        let formulation = engine.formulation, options = engine.options, basis = engine.baselineBasis
        try self.init(size: size) {
            try ResilienceWorker(formulation: formulation, options: options, baselineBasis: basis)
        }
    }

    /// Builds a pool of `size` workers for `engine`, runs `body` with it, and stops it.
    static func withPool<T>(_ engine: ResilienceEngine, size: Int, _ body: (WorkerPool) throws -> T) throws -> T {
        let pool = try WorkerPool(engine: engine, size: size)
        defer { pool.shutdown() }
        return try body(pool)
    }
}
