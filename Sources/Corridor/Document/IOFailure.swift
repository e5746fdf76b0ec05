import Foundation

/// Why a file could not be read or written, in the system's words ("No such file or directory",
/// "Is a directory", "No space left on device") rather than Foundation's "The operation could not
/// be completed. You don't have permission.", which it also says for a missing directory.
public enum IOFailure {
    public static func reason(_ error: Error) -> String {
        if let output = error as? OutputFileError { return output.errorDescription ?? "\(output.code)" }
        var nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { nsError = underlying }
        if nsError.domain == NSPOSIXErrorDomain, let reason = strerror(Int32(nsError.code)) {
            return String(cString: reason)
        }
        if nsError.domain == NSCocoaErrorDomain, let code = posixCode(cocoa: nsError.code), let reason = strerror(code) {
            return String(cString: reason)
        }
        return nsError.localizedDescription
    }

    /// The POSIX error behind a Cocoa file error that carries no underlying error.
    private static func posixCode(cocoa code: Int) -> Int32? {
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }
}

/// A file that cannot be opened or written, with the system's reason ("No such file or directory").
public struct OutputFileError: Error, LocalizedError, Sendable {
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var errorDescription: String? { String(cString: strerror(code)) }
}
