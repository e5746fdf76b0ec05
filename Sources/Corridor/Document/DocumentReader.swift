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
    public static let maximumBytes = InputBytes.maximumBytes

    /// Reads `path` (`-` for standard input); diagnostics name the file `name` when given, and call
    /// it a `kind` ("is a directory, not a network file").
    public static func read(path: String, as name: String? = nil,
                            kind: String = "network file") throws(InputError) -> DocumentNode {
        let file = name ?? path
        let data = try InputBytes.read(path: path, file: file, kind: kind)
        return try parse(data, file: file, format: format(forPath: path))
    }

    /// The format implied by a file name, or nil when it must be detected from the content.
    public static func format(forPath path: String) -> Format? {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        return nil
    }

    /// Parses in-memory bytes. `file` names the source in diagnostics.
    /// A leading UTF-8 byte order mark (as some Windows editors write) is skipped: Yams read a BOM
    /// followed by a key as a syntax error, and it hid a JSON document's opening brace.
    public static func parse(_ data: Data, file: String, format: Format? = nil) throws(InputError) -> DocumentNode {
        guard data.count <= maximumBytes else { throw InputBytes.tooLarge(file) }
        let data = withoutByteOrderMark(data)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(file: file, message: "is not UTF-8 text (binary or corrupted file?)")
        }
        if text.contains("\0") {
            throw InputBytes.containsNUL(file)
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw InputError(file: file, message: "is empty")
        }
        switch format ?? detect(text) {
        case .json: return try JSONDocumentReader.parse(data, text: text, file: file, yamlFallback: format == nil)
        case .yaml: return try YAMLDocumentReader.parse(text, file: file)
        }
    }

    /// `data` without a leading UTF-8 byte order mark.
    static func withoutByteOrderMark(_ data: Data) -> Data {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        return data.starts(with: byteOrderMark) ? Data(data.dropFirst(byteOrderMark.count)) : data
    }

    /// JSON when the first non-blank character opens an object or array, YAML otherwise.
    /// (Every JSON network is an object, so this never misreads one; a YAML flow document such as
    /// `{periods: 3, …}` that is not JSON is then read as YAML, see `JSONDocumentReader.parse`.)
    static func detect(_ text: String) -> Format {
        let first = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) }
        return first == "{" || first == "[" ? .json : .yaml
    }
}
