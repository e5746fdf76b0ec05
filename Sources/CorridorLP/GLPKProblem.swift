import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One GLPK problem object (`glp_prob*`) built from a ``LinearProgram``: solve it, read the
/// solution and duals, change bounds, warm-start re-solves and export LP/MPS files.
///
/// ## Threading
///
/// GLPK 5 keeps its whole environment — memory bookkeeping and terminal settings — in
/// thread-local storage, and every allocation made for a problem is registered with the
/// environment of the thread that made it. A `GLPKProblem` is therefore **bound to the
/// thread that created it**: use and release it on that thread only. It is deliberately
/// not `Sendable`. In Swift concurrency, do not keep one alive across an `await` (the task
/// may resume on another thread); create, solve and drop it within synchronous code, or
/// give it a dedicated thread. Every method checks the calling thread with a
/// `precondition`. If the last reference is released on another thread, debug builds stop
/// with an assertion and release builds leak the GLPK object rather than corrupt GLPK's
/// allocator.
///
/// ## Indices
///
/// All indices are 0-based, like ``LinearProgram``; GLPK's 1-based numbering never leaks
/// out. Invalid arguments throw ``LPError`` instead of reaching GLPK (which would abort).
public final class GLPKProblem {
    /// The GLPK problem object; owned, deleted in `deinit`.
    let handle: OpaquePointer
    /// The thread that created `handle` (GLPK's environment is thread-local).
    private let owner: pthread_t

    /// Simplex iterations performed by the most recent solve (see ``iterationCount``).
    public internal(set) var lastSolveIterations: Int = 0
    /// Of ``lastSolveIterations``, those of the exact check (``SolveOptions/exactCheck``); 0 without one.
    public internal(set) var lastExactIterations: Int = 0
    /// What the exact check of the most recent solve concluded; nil when none ran.
    public internal(set) var lastExactCheck: ExactCheckOutcome?

    /// Validates `lp` and builds the GLPK problem object from it.
    ///
    /// Rows and columns are added in one call each (skipped when there are none, since
    /// GLPK aborts on adding zero), bounds and objective are set, and the whole matrix is
    /// loaded with a single `glp_load_matrix`. Names are set only when provided.
    ///
    /// - Throws: ``LPError`` from ``LinearProgram/validate()``; GLPK is not touched then.
    public init(_ lp: LinearProgram) throws(LPError) {
        try lp.validate()
        owner = pthread_self()
        handle = glp_create_prob()
        GLPKTerminal.withOutput(verbose: false) { load(lp) }
    }

    deinit {
        if pthread_equal(owner, pthread_self()) != 0 {
            glp_delete_prob(handle)
        } else {
            assertionFailure(
                "GLPKProblem released on a thread other than the one that created it; "
                    + "GLPK's environment is thread-local, so the problem is leaked")
        }
    }

    /// Stops if called from a thread other than the creating one.
    @inline(__always)
    func checkThread(_ function: StaticString = #function) {
        precondition(
            pthread_equal(owner, pthread_self()) != 0,
            "GLPKProblem.\(function) called on a thread other than the one that created it")
    }

    private func load(_ lp: LinearProgram) {
        let m = lp.numberOfRows, n = lp.numberOfColumns, nnz = lp.numberOfNonZeros
        if !lp.name.isEmpty { glp_set_prob_name(handle, lp.name) }
        glp_set_obj_dir(handle, lp.sense == .minimize ? GLP_MIN : GLP_MAX)

        if m > 0 { glp_add_rows(handle, Int32(m)) }
        if n > 0 { glp_add_cols(handle, Int32(n)) }

        for i in 0..<m {
            let b = Self.glpkBounds(lower: lp.rowLower[i], upper: lp.rowUpper[i])
            glp_set_row_bnds(handle, Int32(i + 1), b.type, b.lower, b.upper)
            if let names = lp.rowNames { glp_set_row_name(handle, Int32(i + 1), names[i]) }
        }
        for j in 0..<n {
            let b = Self.glpkBounds(lower: lp.columnLower[j], upper: lp.columnUpper[j])
            glp_set_col_bnds(handle, Int32(j + 1), b.type, b.lower, b.upper)
            glp_set_obj_coef(handle, Int32(j + 1), lp.objective[j])
            if let names = lp.columnNames { glp_set_col_name(handle, Int32(j + 1), names[j]) }
        }
        glp_set_obj_coef(handle, 0, lp.objectiveConstant)

        guard nnz > 0 else { return }
        // GLPK wants 1-based arrays whose element 0 is unused.
        var ia = [Int32](repeating: 0, count: nnz + 1)
        var ja = [Int32](repeating: 0, count: nnz + 1)
        var ar = [Double](repeating: 0, count: nnz + 1)
        for k in 0..<nnz {
            ia[k + 1] = lp.entryRow[k] + 1
            ja[k + 1] = lp.entryColumn[k] + 1
            ar[k + 1] = lp.entryValue[k]
        }
        ia.withUnsafeBufferPointer { ia in
            ja.withUnsafeBufferPointer { ja in
                ar.withUnsafeBufferPointer { ar in
                    glp_load_matrix(handle, Int32(nnz), ia.baseAddress, ja.baseAddress, ar.baseAddress)
                }
            }
        }
    }

    /// GLPK bound type and values for a validated `[lower, upper]` pair.
    static func glpkBounds(lower: Double, upper: Double) -> (type: Int32, lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (true, true) where lower == upper: return (GLP_FX, lower, upper)
        case (true, true): return (GLP_DB, lower, upper)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (false, false): return (GLP_FR, 0, 0)
        }
    }

    // MARK: - Size and solution

    /// Number of rows.
    public var numberOfRows: Int {
        checkThread()
        return Int(glp_get_num_rows(handle))
    }

    /// Number of columns.
    public var numberOfColumns: Int {
        checkThread()
        return Int(glp_get_num_cols(handle))
    }

    /// Objective value of the current basic solution (objective constant included).
    public var objectiveValue: Double {
        checkThread()
        return glp_get_obj_val(handle)
    }

    /// Total simplex iterations over the problem's lifetime (GLPK's counter is cumulative;
    /// see ``lastSolveIterations`` for the most recent solve alone).
    public var iterationCount: Int {
        checkThread()
        return Int(glp_get_it_cnt(handle))
    }

    /// Value of every column in the current basic solution (0-based).
    public func primalValues() -> [Double] { columnValues(glp_get_col_prim) }

    /// Reduced cost of every column (`glp_get_col_dual`) in the current basic solution.
    public func reducedCosts() -> [Double] { columnValues(glp_get_col_dual) }

    /// Activity (value of `A x`) of every row in the current basic solution.
    public func rowActivities() -> [Double] { rowValues(glp_get_row_prim) }

    /// Dual value (shadow price) of every row (`glp_get_row_dual`): the rate of change of
    /// the optimal objective per unit increase of the row's active bound, in the problem's
    /// own sense (so for a maximisation a binding `≤` row has a non-negative dual).
    public func rowDuals() -> [Double] { rowValues(glp_get_row_dual) }

    private func columnValues(_ get: (OpaquePointer?, Int32) -> Double) -> [Double] {
        checkThread()
        let n = Int(glp_get_num_cols(handle))
        return (0..<n).map { get(handle, Int32($0 + 1)) }
    }

    private func rowValues(_ get: (OpaquePointer?, Int32) -> Double) -> [Double] {
        checkThread()
        let m = Int(glp_get_num_rows(handle))
        return (0..<m).map { get(handle, Int32($0 + 1)) }
    }
}

/// Explicitly not `Sendable`: the GLPK object is bound to its creating thread.
@available(*, unavailable)
extension GLPKProblem: Sendable {}
