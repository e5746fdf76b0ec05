/// One problem found in an input file, reported as `FILE: path.to.field: message` (with the line
/// when known). Invalid input is always reported as a list of these, all at once.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Dotted path to the offending field, e.g. `links[3].capacity.t`; empty for the whole file.
    public var path: String
    public var line: Int?
    public var message: String

    public init(file: String, path: String, line: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

/// The error thrown when input is invalid: every diagnostic found, in document order.
/// The command line turns it into exit status 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(file: String, path: String = "", line: Int? = nil, message: String) {
        self.diagnostics = [Diagnostic(file: file, path: path, line: line, message: message)]
    }

    /// Longest line `report` prints: messages quote keys and values from the file, which may be huge.
    public static let maximumLineLength = 1000

    /// At most `limit` lines, each cut at `maximumLineLength` characters, then a count of the rest,
    /// so a garbage file cannot flood the terminal.
    public func report(limit: Int = 50) -> String {
        var lines = diagnostics.prefix(limit).map { diagnostic in
            let line = diagnostic.description
            guard line.count > Self.maximumLineLength else { return line }
            let kept = line.prefix(Self.maximumLineLength)
            return kept + "… (\(line.count - kept.count) more characters)"
        }
        if diagnostics.count > limit {
            lines.append("… and \(diagnostics.count - limit) more problems")
        }
        return lines.joined(separator: "\n")
    }

    public var description: String { report() }
}
