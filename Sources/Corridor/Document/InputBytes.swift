import Foundation

/// Reads an input file's bytes, or standard input's for `-`, with the checks every input gets: a
/// missing file, a directory, a file larger than `maximumBytes` or one that cannot be read is an
/// `InputError` naming it (exit status 2), never a crash; endless input (devices, pipes) is cut off
/// at the limit, or at the first NUL byte (no input is binary). Network documents (`DocumentReader`) and plan files (`PlanJSON`) both read here.
enum InputBytes {
    /// Largest input accepted, in bytes.
    static let maximumBytes = 1 << 30

    /// The bytes of `path` (`-` for standard input). Diagnostics name the file `file`; a directory is
    /// "not a `kind`" (`network file`, `plan file`).
    static func read(path: String, file: String, kind: String) throws(InputError) -> Data {
        if path == "-" {
            // Read with the throwing API and a cap: `readDataToEndOfFile` traps when standard input
            // cannot be read (a directory, a closed descriptor), and endless input must not exhaust memory.
            return try readLimited(FileHandle.standardInput, file: file)
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            // The system's reason, but for the usual one: a symbolic link loop is not a missing file.
            let code = errno
            throw InputError(file: file, message: code == ENOENT || code == ENOTDIR
                ? "no such file" : "cannot be read (\(String(cString: strerror(code))))")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw InputError(file: file, message: "is a directory, not a \(kind)")
        }
        if info.st_mode & S_IFMT == S_IFREG, info.st_size > maximumBytes {
            throw tooLarge(file)
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: file, message: "cannot be read (\(IOFailure.reason(error)))")
        }
        defer { try? handle.close() }
        return try readLimited(handle, file: file)  // also devices and pipes, which have no size
    }

    /// Everything `handle` delivers, refusing more than `maximumBytes`.
    private static func readLimited(_ handle: FileHandle, file: String) throws(InputError) -> Data {
        var data = Data()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw InputError(file: file, message: "cannot be read (\(IOFailure.reason(error)))")
            }
            guard let chunk, !chunk.isEmpty else { return data }
            // Every input is text: a NUL byte ends the read at once (`/dev/zero` was read to the limit).
            let hasNUL = chunk.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
            if hasNUL { throw containsNUL(file) }
            data.append(chunk)
            if data.count > maximumBytes { throw tooLarge(file) }
        }
    }

    static func containsNUL(_ file: String) -> InputError {
        InputError(file: file, message: "contains NUL bytes (binary or corrupted file?)")
    }

    static func tooLarge(_ file: String) -> InputError {
        InputError(file: file, message: "is larger than \(maximumBytes >> 20) MiB")
    }

}
