import CGLPK

/// GLPK's per-thread environment (memory bookkeeping, terminal settings), created by the first
/// GLPK call on a thread and otherwise kept until the process ends.
public enum GLPKEnvironment {
    /// Frees the calling thread's GLPK environment (`glp_free_env`). Call it on a thread that is
    /// about to end, after every ``GLPKProblem`` created on it has been released: GLPK frees all
    /// memory it allocated on this thread, so a problem still alive here would be left dangling.
    /// A later GLPK call on the same thread creates a fresh environment.
    public static func releaseForCurrentThread() {
        _ = glp_free_env()
    }
}
