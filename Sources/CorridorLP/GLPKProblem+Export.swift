import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension GLPKProblem {
    /// Writes the problem in CPLEX LP format (`glp_write_lp`).
    ///
    /// Names that are not valid in the LP format are replaced by GLPK with generic ones
    /// (`r_1`, `x_1`, …), as are missing names. GLPK's "Writing problem data…" messages
    /// are kept off standard output.
    ///
    /// Two GLPK limitations: the format has no objective constant, so GLPK writes it only as
    /// a comment (`\* constant term = … *\`) and readers drop it; and a problem without
    /// rows or columns is written as a stub that GLPK's own LP reader rejects.
    ///
    /// - Throws: ``LPError/invalidPath(_:)`` or ``LPError/writeFailed(format:path:code:)``.
    public func writeCPLEXLP(to path: String) throws(LPError) {
        try write(format: "CPLEX LP", path: path) { glp_write_lp(handle, nil, $0) }
    }

    /// Writes the problem in free (modern) MPS format (`glp_write_mps` with `GLP_MPS_FILE`).
    ///
    /// Note that GLPK's MPS writer records no objective sense: a maximisation is only
    /// flagged in a comment line, so readers treat the file as a minimisation unless told
    /// otherwise (e.g. `glpsol --freemps FILE --max`).
    ///
    /// - Throws: ``LPError/invalidPath(_:)`` or ``LPError/writeFailed(format:path:code:)``.
    public func writeFreeMPS(to path: String) throws(LPError) {
        try write(format: "free MPS", path: path) { glp_write_mps(handle, GLP_MPS_FILE, nil, $0) }
    }

    /// GLPK writes to a temporary file, which is then copied to `path` with every write checked:
    /// GLPK ignores errors that surface only when its buffer is flushed on close, so a small
    /// file written straight to a full disk (`/dev/full`) "succeeded" with nothing written.
    private func write(
        format: String, path: String, _ writer: (UnsafePointer<CChar>) -> Int32
    ) throws(LPError) {
        checkThread()
        guard !path.isEmpty, !path.utf8.contains(0) else { throw .invalidPath(path) }
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/corridor-export-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .ioFailed(path: path, reason: Self.reason(errno)) }
        close(descriptor)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(temporary) }
        let code = GLPKTerminal.withOutput(verbose: false) { temporary.withCString(writer) }
        guard code == 0 else { throw .writeFailed(format: format, path: path, code: code) }
        try Self.copy(temporary, to: path)
    }

    private static func copy(_ source: String, to destination: String) throws(LPError) {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw .ioFailed(path: destination, reason: reason(errno)) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard output >= 0 else { throw .ioFailed(path: destination, reason: reason(errno)) }
        let failure = copyBytes(from: input, to: output)
        // Closing can report a write error too (e.g. on NFS); the first failure is the one reported.
        let closeFailure = close(output) == 0 ? nil : errno
        if let failure = failure ?? closeFailure { throw .ioFailed(path: destination, reason: reason(failure)) }
    }

    /// Copies everything from `input` to `output`; the `errno` of the first failed read or write, or nil.
    private static func copyBytes(from input: Int32, to output: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(input, $0.baseAddress, $0.count) }
            if count == 0 { return nil }
            guard count > 0 else { return errno }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { systemWrite(output, $0.baseAddress! + written, count - written) }
                guard step > 0 else { return errno }
                written += step
            }
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

// Inside the extension, `read`/`write` name GLPKProblem's methods; these reach the C library's.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemRead(_ fd: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, bytes, count) }
