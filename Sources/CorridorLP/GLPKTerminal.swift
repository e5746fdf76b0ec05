import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps GLPK's terminal output off standard output.
///
/// GLPK writes its messages (solver progress, "Writing problem data to…", scaling reports)
/// with `fputs(…, stdout)`. In GLPK 5 the terminal settings — the `term_out` switch and the
/// output hook — live in a *thread-local* environment, so they must be applied on the
/// thread that makes each GLPK call. ``withOutput(verbose:_:)`` does exactly that around
/// every GLPK call that can print:
///
/// - it installs (for the current thread) a hook that writes every message to standard
///   error and tells GLPK not to print it itself; the hook stays installed afterwards, so
///   even GLPK's fatal-error messages end up on standard error;
/// - it switches `term_out` on only when `verbose` is requested, and restores the previous
///   setting when the body returns.
enum GLPKTerminal {
    /// Runs `body` with GLPK's output on this thread silenced, or sent to standard error
    /// when `verbose` is `true`.
    static func withOutput<Result, Failure: Error>(
        verbose: Bool, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        installStandardErrorHook()
        let previous = glp_term_out(verbose ? GLP_ON : GLP_OFF)
        defer { glp_term_out(previous) }
        return try body()
    }

    /// Routes this thread's GLPK output to standard error (cheap; safe to call repeatedly).
    static func installStandardErrorHook() {
        glp_term_hook({ _, message in
            if let message { GLPKTerminal.writeToStandardError(message) }
            return 1  // nonzero: GLPK must not write the message to stdout itself
        }, nil)
    }

    /// Writes a C string to file descriptor 2, unbuffered, retrying on partial writes.
    private static func writeToStandardError(_ message: UnsafePointer<CChar>) {
        var remaining = strlen(message)
        var cursor = UnsafeRawPointer(message)
        while remaining > 0 {
            let written = write(STDERR_FILENO, cursor, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining -= written
            cursor += written
        }
    }
}
