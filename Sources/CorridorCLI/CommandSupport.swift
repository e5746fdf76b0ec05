import ArgumentParser
import Corridor
import CorridorLP
import Foundation

/// Exit statuses of contract §5.
enum ExitStatus {
    static let failure: Int32 = 1
    static let invalidInput: Int32 = 2
    static let unmetDemand: Int32 = 3
}

enum Console {
    /// Writes a line to standard error (adding the newline if missing).
    static func error(_ text: String) {
        writeError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes `text` to standard error as it is; a standard error that cannot be written (closed, a
    /// full disk) is ignored — there is nowhere left to say so.
    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Writes to standard output; when it cannot be written (closed, `/dev/full`), says so on
    /// standard error and exits 1 (an I/O failure) instead of trapping.
    static func write(_ data: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            self.error("corridor: cannot write to standard output: \(IOFailure.reason(error))")
            exit(ExitStatus.failure)
        }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Prints `error` the way the contract asks and exits with its status.
    static func fail(_ error: Error) -> Never {
        switch error {
        case let input as InputError:
            self.error(input.report())
            exit(ExitStatus.invalidInput)
        default:
            self.error("corridor: \(error)")
            exit(ExitStatus.failure)
        }
    }
}

/// The network file a command starts from.
enum NetworkFile {
    /// Reads and checks the network at `path` (`-` is standard input); when it cannot, prints why
    /// and exits (2 for invalid input, 1 otherwise; `Console.fail`).
    static func load(_ path: String) -> Network {
        do {
            return try NetworkDecoder.load(path: path)
        } catch {
            Console.fail(error)
        }
    }
}

/// `--time-limit` of the commands that solve (plan, batch, resilience).
enum TimeLimit {
    /// Rejects a limit that is not a positive, finite number of seconds (a usage error, exit 2).
    static func validate(_ seconds: Double?) throws {
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }

    /// The planner's default solver options with the limit (none when nil).
    static func solverOptions(_ seconds: Double?) -> SolveOptions {
        var solver = Planner.defaultSolverOptions
        solver.timeLimit = seconds
        return solver
    }
}

/// `--verbose` progress on standard error, with elapsed times.
struct Progress {
    let enabled: Bool
    private let start = Date()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func say(_ message: @autoclosure () -> String) {
        guard enabled else { return }
        Console.error(String(format: "[%6.2fs] ", Date().timeIntervalSince(start)) + message())
    }
}
