import Foundation

/// Which file a path names, so that two spellings of one file (`nets/../nets/a.yaml`, an absolute
/// path, a symbolic link) are recognised as the same file; and replacing a file's content at once.
enum BatchFilePath {
    /// The path with every symbolic link, `.` and `..` resolved; nil when it names no file.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path, or, for a path that names no file, the path with `.` and `..` removed.
    static func identity(_ path: String) -> String {
        real(path) ?? URL(fileURLWithPath: path).standardized.path
    }

    /// Replaces the content of the file at `path` at once: written to a temporary file beside the real
    /// file (so a symbolic link stays a link), given the old file's permissions when there is one,
    /// then renamed over it — a reader sees the old content or the new, never a part.
    static func replace(_ path: String, with data: Data) throws {
        let target = real(path) ?? path
        let temporary = target + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try data.write(to: URL(fileURLWithPath: temporary))
        if let permissions = try? FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        if rename(temporary, target) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputFileError(path: path, code: code)
        }
    }
}
