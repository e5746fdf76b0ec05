import Foundation
import XCTest

/// Runs the built `corridor` executable (it lies next to the test bundle in the products directory)
/// with Foundation's `Process`: arguments, standard input, captured output and a deadline that fails
/// the test instead of hanging it.
enum CLI {
    /// What one run of `corridor` did.
    struct Result: Sendable {
        var status: Int32
        /// True when the process died of a signal (a crash), `status` is then the signal.
        var signaled: Bool
        /// True when it had to be killed at the deadline.
        var timedOut: Bool
        var stdout: Data
        var stderr: Data
        var seconds: Double

        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Seconds a run may take before it is killed (and the test fails as hung), unless the call
    /// gives its own `timeout`.
    static let defaultTimeout: Double = 20

    /// Marker class locating the test bundle.
    private final class BundleMarker {}

    /// `corridor` in the products directory: the parent of the `.xctest` bundle (on Linux the
    /// bundle is itself an executable in that directory, so its own directory is tried too).
    static var executableURL: URL {
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [
            bundle.deletingLastPathComponent(),
            bundle,
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("corridor") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// What the child reads on standard input.
    enum Input {
        /// These bytes through a pipe (none: an empty input).
        case data(Data)
        /// The file (or directory, or device) at this path.
        case file(String)
        /// A closed descriptor 0.
        case closed
        /// The output of this shell command through a pipe (an endless `yes`).
        case shellOutput(String)
    }

    /// Runs `corridor arguments…`, feeding `stdin` through a pipe.
    static func run(_ arguments: [String], stdin: Data = Data(), timeout: Double = defaultTimeout,
                    file: StaticString = #filePath, line: UInt = #line) -> Result {
        run(arguments, input: .data(stdin), timeout: timeout, file: file, line: line)
    }

    /// Runs `corridor arguments…` with the given standard input.
    static func run(_ arguments: [String], input: Input, timeout: Double = defaultTimeout,
                    file: StaticString = #filePath, line: UInt = #line) -> Result {
        // A child that exits without reading its input must not kill the test runner with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let executable = executableURL
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            XCTFail("corridor is not built at \(executable.path) (run swift build first)", file: file, line: line)
            return Result(status: -1, signaled: false, timedOut: false, stdout: Data(), stderr: Data(), seconds: 0)
        }
        let process = Process()
        let output = Pipe(), errors = Pipe()
        var stdin = Data()
        var pipe: Pipe?
        switch input {
        case .data(let data):
            process.executableURL = executable
            process.arguments = arguments
            stdin = data
            pipe = Pipe()
            process.standardInput = pipe
        case .file(let path):
            process.executableURL = executable
            process.arguments = arguments
            guard let handle = FileHandle(forReadingAtPath: path) else {
                XCTFail("cannot open \(path) as standard input", file: file, line: line)
                return Result(status: -1, signaled: false, timedOut: false, stdout: Data(), stderr: Data(), seconds: 0)
            }
            process.standardInput = handle
        case .closed:
            // Foundation cannot close a child's descriptor 0; the shell can, then execs corridor.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" <&-", executable.path] + arguments
        case .shellOutput(let command):
            // The pipeline's status is corridor's (the last command's).
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(command) | \"$0\" \"$@\"", executable.path] + arguments
        }
        process.standardOutput = output
        process.standardError = errors

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let start = Date()
        do {
            try process.run()
        } catch {
            XCTFail("cannot start corridor: \(error)", file: file, line: line)
            return Result(status: -1, signaled: false, timedOut: false, stdout: Data(), stderr: Data(), seconds: 0)
        }

        // Read both outputs and write the input concurrently, so no pipe can fill up and block.
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isError) in [(output.fileHandleForReading, false), (errors.fileHandleForReading, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.store(data, isError: isError)
                group.leave()
            }
        }
        if let writer = pipe?.fileHandleForWriting {
            let bytes = stdin
            DispatchQueue.global().async {
                if !bytes.isEmpty {
                    try? writer.write(contentsOf: bytes)  // EPIPE when the child stops reading: fine
                }
                try? writer.close()
            }
        }

        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 5)
            }
            XCTFail("corridor \(arguments.joined(separator: " ")) did not finish within \(timeout) s",
                    file: file, line: line)
        }
        let seconds = Date().timeIntervalSince(start)
        _ = group.wait(timeout: .now() + 10)
        let (stdout, stderr) = collected.values
        let signaled = !timedOut && process.terminationReason == .uncaughtSignal
        return Result(status: process.terminationStatus, signaled: signaled, timedOut: timedOut,
                      stdout: stdout, stderr: stderr, seconds: seconds)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stdout = Data()
        private var stderr = Data()

        func store(_ data: Data, isError: Bool) {
            lock.lock()
            if isError { stderr = data } else { stdout = data }
            lock.unlock()
        }

        var values: (Data, Data) {
            lock.lock()
            defer { lock.unlock() }
            return (stdout, stderr)
        }
    }
}

/// A private temporary directory for one test case's files, removed afterwards.
final class TemporaryDirectory {
    let url: URL

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-cli-\(safe)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `data` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }
}
