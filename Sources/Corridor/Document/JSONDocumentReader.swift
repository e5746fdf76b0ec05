import Foundation

/// JSON → `DocumentNode`, with Foundation's `JSONSerialization` doing the parsing. Foundation keeps
/// the last of two equal keys silently, so a small scan over the (already valid) text finds keys
/// given twice in one object, which the contract makes an error (§4.12).
enum JSONDocumentReader {
    /// With `yamlFallback` (the format was detected, not given), text that is not JSON at all but
    /// is YAML — a flow document with bare keys, `{periods: 3}` — is read as YAML; when it is neither,
    /// the JSON error is the one reported.
    static func parse(_ data: Data, text: String, file: String, yamlFallback: Bool = false) throws(InputError) -> DocumentNode {
        // Depth is checked before Foundation builds the nested objects; a duplicate key after the parse,
        // so that text that is not JSON at all gets Foundation's reason.
        let finding = firstProblem(in: data)
        if case .tooDeep = finding, let finding { throw error(for: finding, file: file) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if yamlFallback, let yaml = try? YAMLDocumentReader.parse(text, file: file) { return yaml }
            throw invalid(error, text: text, file: file)
        }
        if let finding { throw error(for: finding, file: file) }
        return node(from: object)
    }

    /// The diagnostic for what `firstProblem` found.
    static func error(for finding: Finding, file: String) -> InputError {
        switch finding {
        case .tooDeep(let line):
            return InputError(file: file, line: line, message: "nesting is deeper than \(YAMLDocumentReader.maximumDepth) levels")
        case .duplicateKey(let key, let line, let path):
            return InputError(file: file, path: path, line: line, message: "key \"\(key)\" is given twice in one object")
        case .trailingComma(let line, let path):
            return InputError(file: file, path: path, line: line,
                              message: "is not valid JSON (a comma before a closing bracket or brace)")
        }
    }

    /// Containers are matched first: asking whether a Swift array or dictionary `is NSNull` or
    /// `as NSNumber` bridges it, with everything inside, to an Objective-C object — at every level,
    /// which made a 97-deep, 800 KB document take half a minute.
    private static func node(from object: Any) -> DocumentNode {
        switch object {
        case let array as [Any]:
            return DocumentNode(.list(array.map(node(from:))))
        case let dictionary as [String: Any]:
            // JSONSerialization loses key order; sort for a stable, deterministic order.
            let entries = dictionary.keys.sorted().map { DocumentNode.Entry(key: $0, node: node(from: dictionary[$0]!)) }
            return DocumentNode(.map(entries))
        case let string as String:
            return DocumentNode(.string(string))
        case let number as NSNumber:
            return DocumentNode(isBoolean(number) ? .bool(number.boolValue) : .number(number.doubleValue))
        default:
            return DocumentNode(.null)  // NSNull
        }
    }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// The diagnostic for text `JSONSerialization` refused, with Foundation's reason and, where it can
    /// be found, the line. `hint` is added after the reason.
    static func invalid(_ error: Error, text: String, file: String, hint: String = "") -> InputError {
        let detail = errorDetail(error)
        if let number = unrepresentableNumber(in: detail) {
            let location = location(ofNumber: number, in: Data(text.utf8))
            return InputError(file: file, path: location?.path ?? "", line: location?.line,
                              message: "number \(number) is out of range (numbers may not exceed 1e12 in magnitude)")
        }
        return InputError(file: file, line: errorLine(detail, in: text), message: "is not valid JSON (\(detail))\(hint)")
    }

    private static func errorDetail(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }

    /// Foundation reports "around character N", N counting UTF-8 bytes; turn that into a line number.
    private static func errorLine(_ detail: String, in text: String) -> Int? {
        guard let range = detail.range(of: "character ") else { return nil }
        let digits = detail[range.upperBound...].prefix { $0.isNumber }
        guard let offset = Int(digits) else { return nil }
        return 1 + text.utf8.prefix(offset).lazy.filter { $0 == UInt8(ascii: "\n") }.count
    }

    /// The literal of Foundation's "Number 1e400 is not representable in Swift." (no position given).
    private static func unrepresentableNumber(in detail: String) -> String? {
        guard detail.hasPrefix("Number "), let end = detail.range(of: " is not representable") else { return nil }
        let literal = detail[detail.index(detail.startIndex, offsetBy: 7)..<end.lowerBound]
        return literal.isEmpty ? nil : String(literal)
    }

    /// The index of the quote that closes the string opened at `start` (escapes skipped), or the
    /// end of `bytes` when it is never closed. JSON strings hold no raw newlines, so lines are not lost.
    static func closingQuote(in bytes: [UInt8], openingAt start: Int) -> Int {
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") { index += 1 }
            index += 1
        }
        return min(index, bytes.count)
    }
}
