import Foundation

/// Which file a path names, so that two spellings of one file (`nets/../nets/a.yaml`, an absolute
/// path, a symbolic link) are recognised as the same file.
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
}
