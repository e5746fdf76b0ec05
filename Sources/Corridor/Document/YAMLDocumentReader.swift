import Foundation
import Yams

/// YAML → `DocumentNode`, with Yams (libyaml) doing the parsing. Scalars are typed here, not by
/// Yams: quoted scalars are strings; plain ones are null, booleans or numbers when they look like
/// one, and keep their source text so that identifier fields read `NO` as the string "NO".
/// Aliases are expanded under a node budget, so an alias bomb is refused instead of hanging.
enum YAMLDocumentReader {
    /// Deepest nesting accepted; network documents need about five levels.
    static let maximumDepth = 100

    static func parse(_ text: String, file: String) throws(InputError) -> DocumentNode {
        if let line = lineExceedingNesting(text) {
            throw InputError(file: file, line: line, message: "nesting is deeper than \(maximumDepth) levels")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw describe(error, file: file)
        }
        guard let root else { throw InputError(file: file, message: "is empty") }
        // Without aliases a document holds at most one value per byte or so (`[a,b,…]` takes two
        // bytes a value), so this budget never refuses an honest file, while an alias bomb is
        // stopped before it costs more than the largest honest file of its size. The count runs
        // before the converter allocates anything (Yams shares the aliased nodes).
        var budget = max(1_000_000, text.utf8.count)
        guard withinBudget(root, depth: 0, budget: &budget) else {
            throw InputError(file: file, message: "expands to too many values (a YAML alias bomb?)")
        }
        var converter = Converter()
        guard let node = converter.convert(root, depth: 0) else {
            throw InputError(file: file, line: converter.failureLine, message: converter.failure ?? "cannot be read")
        }
        return node
    }

    /// Counts the values `node` expands to (aliases included) against `budget`; false when it runs
    /// out. Stops descending past the nesting limit, which the converter then reports.
    private static func withinBudget(_ node: Node, depth: Int, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        guard depth <= maximumDepth else { return true }
        switch node {
        case .sequence(let sequence):
            for item in sequence where !withinBudget(item, depth: depth + 1, budget: &budget) { return false }
        case .mapping(let mapping):
            for (_, value) in mapping where !withinBudget(value, depth: depth + 1, budget: &budget) { return false }
        default:
            break
        }
        return true
    }

    /// Walks Yams' nodes (already counted by `withinBudget`) into `DocumentNode`s.
    private struct Converter {
        var failure: String?
        var failureLine: Int?

        mutating func fail(_ message: String, at node: Node) -> DocumentNode? {
            failure = message
            failureLine = node.mark?.line
            return nil
        }

        mutating func convert(_ node: Node, depth: Int) -> DocumentNode? {
            guard depth <= YAMLDocumentReader.maximumDepth else {
                return fail("nesting is deeper than \(YAMLDocumentReader.maximumDepth) levels", at: node)
            }
            switch node {
            case .scalar(let scalar):
                return YAMLDocumentReader.scalarNode(scalar)
            case .sequence(let sequence):
                var items: [DocumentNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    guard let converted = convert(item, depth: depth + 1) else { return nil }
                    items.append(converted)
                }
                return DocumentNode(.list(items), line: sequence.mark?.line)
            case .mapping(let mapping):
                var entries: [DocumentNode.Entry] = []
                entries.reserveCapacity(mapping.count)
                var keys = Set<String>()
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        return fail("a key must be a plain name, not a list or object", at: key)
                    }
                    // Yams compares keys with their YAML types (`1` and `"1"` differ); as names they
                    // are the same key (§4.12).
                    guard keys.insert(keyScalar.string).inserted else {
                        return fail("key \"\(keyScalar.string)\" is given twice in one object", at: key)
                    }
                    guard let converted = convert(value, depth: depth + 1) else { return nil }
                    entries.append(.init(key: keyScalar.string, node: converted))
                }
                return DocumentNode(.map(entries), line: mapping.mark?.line)
            default:
                return fail("unsupported YAML construct", at: node)
            }
        }
    }

    static func scalarNode(_ scalar: Node.Scalar) -> DocumentNode {
        let line = scalar.mark?.line
        let text = scalar.string
        guard scalar.style == .plain else { return DocumentNode(.string(text), line: line) }
        return DocumentNode(resolvePlain(text), line: line, plainText: text)
    }

    /// YAML core-schema typing of a plain scalar (plus YAML 1.1's yes/no/on/off booleans, which the
    /// decoder accepts only where a boolean is expected).
    static func resolvePlain(_ text: String) -> DocumentNode.Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        if let number = parseNumber(text) { return .number(number) }
        return .string(text)
    }

    /// Decimal numbers only (`12`, `-3.5`, `1e6`, `.inf`, `.nan`); hex floats and the like stay strings.
    static func parseNumber(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        let allowed = Set("0123456789+-.eE_")
        guard text.contains(where: \.isNumber), text.allSatisfy({ allowed.contains($0) }) else { return nil }
        return Double(text.replacingOccurrences(of: "_", with: ""))
    }

    private static func describe(_ error: Error, file: String) -> InputError {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return InputError(file: file, line: mark.line, message: "is not valid YAML: \(problem) (column \(mark.column))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return InputError(file: file, line: context.mark.line,
                              message: "key \(keys) is given twice in one object")
        case .reader(let problem, _, _, _):
            return InputError(file: file, message: "cannot be read as YAML: \(problem)")
        default:
            return InputError(file: file, message: "is not valid YAML (\(error))")
        }
    }

    /// A cheap upper bound on nesting, checked before parsing so that libyaml and the recursive
    /// composer never see pathological depth: flow brackets, chained `- ` entries and indentation.
    static func lineExceedingNesting(_ text: String) -> Int? {
        var flowDepth = 0
        var line = 1
        var atLineStart = true
        var indentation = 0
        var dashes = 0
        var quote: Character?
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {  // "\r\n" is one Character
                line += 1
                atLineStart = true
                indentation = 0
                dashes = 0
                quote = nil
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if atLineStart {
                if character == " " || character == "-" {
                    if character == " " { indentation += 1 } else { dashes += 1 }
                    if indentation > 4 * maximumDepth || dashes > maximumDepth { return line }
                    continue
                }
                atLineStart = false
            }
            switch character {
            case "\"", "'": quote = character
            case "#": quote = "\n"  // a comment runs to the end of the line
            case "[", "{":
                flowDepth += 1
                if flowDepth > maximumDepth { return line }
            case "]", "}": flowDepth = max(0, flowDepth - 1)
            default: break
            }
        }
        return nil
    }
}
