import Foundation

extension JSONDocumentReader {
    /// The first problem one pass over the bytes finds.
    enum Finding: Equatable {
        /// Brackets open deeper than YAML's limit (the same for both syntaxes), on this line.
        case tooDeep(line: Int)
        /// An object key that occurs twice, with the path of the object (`links[3].cost`; empty for
        /// the top level).
        case duplicateKey(String, line: Int, path: String)
        /// A comma right before `}` or `]`, which Foundation's parser lets through but JSON (and
        /// `jq`, Python's `json`) does not; the line of the comma and the path of the container.
        case trailingComma(line: Int, path: String)
    }

    /// One open object or array while scanning.
    private struct Container {
        /// The keys seen so far; nil for an array.
        var keys: Set<[UInt8]>?
        /// The latest key of an object.
        var key = ""
        /// The position in an array (commas seen at this level).
        var index = 0
    }

    /// The path of the innermost open container, in the form diagnostics use (`links[3].cost`): each
    /// container adds the step into the next one (an object its current key, an array its index).
    /// With `value`, the path of the value being read in the innermost container (`links[3].cost.t`).
    private static func path(of stack: [Container], value: Bool = false) -> String {
        var path = ""
        for container in value ? stack[...] : stack.dropLast() {
            if container.keys != nil {
                path += path.isEmpty ? container.key : ".\(container.key)"
            } else {
                path += "[\(container.index)]"
            }
        }
        return path
    }

    /// Scans the text for nesting deeper than the limit (anywhere: it is what must be known before
    /// Foundation parses), else the first object key that occurs twice or trailing comma (the scan
    /// assumes JSON; on other text it just ends). Keys with escapes are decoded first, as
    /// `JSONSerialization` does, so `"periods"` and `"p\u0065riods"` are the same key.
    static func firstProblem(in data: Data) -> Finding? {
        scan(data, number: nil).problem
    }

    /// The line and path of the first number literal spelt `number` outside strings (Foundation names
    /// a number it cannot represent, but not where it is).
    static func location(ofNumber number: String, in data: Data) -> (line: Int, path: String)? {
        scan(data, number: Array(number.utf8)).number
    }

    /// The scan behind `firstProblem` and, given `number`, `location(ofNumber:in:)`: it stops at that
    /// literal.
    private static func scan(_ data: Data, number: [UInt8]?) -> (problem: Finding?, number: (line: Int, path: String)?) {
        var stack: [Container] = []
        var found: Finding?  // the first duplicate key or trailing comma; the scan goes on for depth
        var line = 1
        var index = 0
        let bytes = [UInt8](data)
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let numberBytes = Set("0123456789+-.eE".utf8)
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(Container(keys: byte == UInt8(ascii: "{") ? [] : nil))
                if stack.count > YAMLDocumentReader.maximumDepth { return (.tooDeep(line: line), nil) }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                if !stack.isEmpty, stack[stack.count - 1].keys == nil { stack[stack.count - 1].index += 1 }
                var next = index + 1
                while next < bytes.count, blanks.contains(bytes[next]) { next += 1 }
                if found == nil, next < bytes.count, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") {
                    found = .trailingComma(line: line, path: path(of: stack))
                }
            case UInt8(ascii: "\""):
                let start = index + 1
                index = closingQuote(in: bytes, openingAt: index)
                let raw = bytes[start..<min(index, bytes.count)]
                var next = index + 1
                while next < bytes.count, blanks.contains(bytes[next]) {
                    if bytes[next] == UInt8(ascii: "\n") { line += 1 }
                    next += 1
                }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":"), let last = stack.indices.last,
                   stack[last].keys != nil {
                    let key = decodedKey(raw)
                    stack[last].key = String(decoding: key, as: UTF8.self)
                    if stack[last].keys?.insert(key).inserted == false, found == nil {
                        found = .duplicateKey(stack[last].key, line: line, path: path(of: stack))
                    }
                }
                index = next - 1
            default:
                if let number, (index == 0 || !numberBytes.contains(bytes[index - 1])),
                   bytes[index...].starts(with: number),
                   index + number.count == bytes.count || !numberBytes.contains(bytes[index + number.count]) {
                    return (found, (line, path(of: stack, value: true)))
                }
            }
            index += 1
        }
        return (found, nil)
    }

    /// The bytes of a string's contents (between its quotes) with JSON escapes decoded.
    private static func decodedKey(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        guard raw.contains(UInt8(ascii: "\\")) else { return Array(raw) }
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        guard let decoded = try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed]) as? String else {
            return Array(raw)
        }
        return Array(decoded.utf8)
    }
}
