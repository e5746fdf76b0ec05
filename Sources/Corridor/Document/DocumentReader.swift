import Foundation

/// Reads a network document from a file (or standard input for `-`) into a `DocumentNode` tree.
/// JSON goes through Foundation's `JSONSerialization`, YAML through Yams; the format comes from the
/// extension, or is detected from the content for `-` and unknown extensions. Hostile input (binary
/// garbage, deep nesting, alias bombs, huge files) is refused with a diagnostic, never a crash.
public enum DocumentReader {
    /// The two syntaxes a network document may be written in.
    public enum Format: Sendable, Equatable {
        case json, yaml
    }

    /// Largest input accepted, in bytes.
    public static let maximumBytes = 1 << 30

    /// Reads `path` (`-` for standard input); diagnostics name the file `name` when given.
    public static func read(path: String, as name: String? = nil) throws(InputError) -> DocumentNode {
        let file = name ?? path
        let data: Data
        if path == "-" {
            // Read with the throwing API and a cap: `readDataToEndOfFile` traps when standard input
            // cannot be read (a directory, a closed descriptor), and endless input must not exhaust memory.
            data = try readLimited(FileHandle.standardInput, file: file)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: file, message: "no such file")
            }
            guard !isDirectory.boolValue else {
                throw InputError(file: file, message: "is a directory, not a network file")
            }
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
               size.uint64Value > UInt64(maximumBytes) {
                throw tooLarge(file)
            }
            let handle: FileHandle
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            } catch {
                throw InputError(file: file, message: "cannot be read (\(readFailure(error)))")
            }
            defer { try? handle.close() }
            data = try readLimited(handle, file: file)  // also devices and pipes, which have no size
        }
        return try parse(data, file: file, format: format(forPath: path))
    }

    /// Everything `handle` delivers, refusing more than `maximumBytes`.
    static func readLimited(_ handle: FileHandle, file: String) throws(InputError) -> Data {
        var data = Data()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw InputError(file: file, message: "cannot be read (\(readFailure(error)))")
            }
            guard let chunk, !chunk.isEmpty else { return data }
            data.append(chunk)
            if data.count > maximumBytes { throw tooLarge(file) }
        }
    }

    private static func tooLarge(_ file: String) -> InputError {
        InputError(file: file, message: "is larger than \(maximumBytes >> 20) MiB")
    }

    /// The POSIX reason of a read error ("Is a directory"), which Foundation's message hides.
    private static func readFailure(_ error: Error) -> String {
        var nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { nsError = underlying }
        if nsError.domain == NSPOSIXErrorDomain, let reason = strerror(Int32(nsError.code)) {
            return String(cString: reason)
        }
        return nsError.localizedDescription
    }

    /// The format implied by a file name, or nil when it must be detected from the content.
    public static func format(forPath path: String) -> Format? {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        return nil
    }

    /// Parses in-memory bytes. `file` names the source in diagnostics.
    public static func parse(_ data: Data, file: String, format: Format? = nil) throws(InputError) -> DocumentNode {
        guard data.count <= maximumBytes else { throw tooLarge(file) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(file: file, message: "is not UTF-8 text (binary or corrupted file?)")
        }
        if text.contains("\0") {
            throw InputError(file: file, message: "contains NUL bytes (binary or corrupted file?)")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw InputError(file: file, message: "is empty")
        }
        switch format ?? detect(text) {
        case .json: return try JSONDocumentReader.parse(data, text: text, file: file)
        case .yaml: return try YAMLDocumentReader.parse(text, file: file)
        }
    }

    /// JSON when the first non-blank character opens an object or array, YAML otherwise.
    /// (Every JSON network is an object, so this never misreads one.)
    static func detect(_ text: String) -> Format {
        let first = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) }
        return first == "{" || first == "[" ? .json : .yaml
    }
}
