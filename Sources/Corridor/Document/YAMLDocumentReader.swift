import Foundation
import Yams

/// YAML → `DocumentNode`, with Yams (libyaml) doing the parsing. Scalars are typed here, not by
/// Yams: quoted scalars are strings; plain ones are null, booleans or numbers when they look like
/// one, and keep their source text so that identifier fields read `NO` as the string "NO".
/// Aliases are expanded under a node budget, so an alias bomb is refused instead of hanging.
/// Merge keys (`<<: *anchor`, `<<: [*a, *b]`) follow YAML 1.1: the merged mappings' keys are added
/// where the mapping does not give them itself (explicit keys win, and earlier merged mappings win
/// over later ones); a merged value keeps the line it is written on. Merges count against the same
/// budget, so a bomb built from merges is refused too.
enum YAMLDocumentReader {
    /// Deepest nesting accepted; network documents need about five levels.
    static let maximumDepth = 100

    static func parse(_ text: String, file: String) throws(InputError) -> DocumentNode {
        if let line = lineExceedingNesting(text) {
            throw InputError(file: file, line: line, message: "nesting is deeper than \(maximumDepth) levels")
        }
        // Without aliases a document holds at most one value per byte or so (`[a,b,…]` takes two
        // bytes a value), so this budget never refuses an honest file, while an alias bomb is
        // stopped before it costs more than the largest honest file of its size. The count runs
        // before the converter allocates anything (Yams shares the aliased nodes). A merge costs
        // what its mappings expand to, like any alias, plus one for every key it copies: that is
        // the converter's whole work, so merges of merges cannot multiply it unseen.
        var budget = max(1_000_000, text.utf8.count)
        // Yams hashes every mapping key's whole tree (aliases expanded) and frees its nodes
        // recursively, so depth built through aliases and lists, objects or aliases used as keys
        // must be refused before Yams composes anything.
        if let problem = EventPrePass.problem(in: text, file: file, budget: budget) { throw problem }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw describe(error, file: file)
        }
        guard let root else { throw InputError(file: file, message: "is empty") }
        guard expansion(of: root, depth: 0, budget: &budget) != nil else {
            throw InputError(file: file, message: "expands to too many values (a YAML alias bomb?)")
        }
        var converter = Converter()
        guard let node = converter.convert(root, depth: 0) else {
            throw InputError(file: file, path: converter.failurePathText, line: converter.failureLine,
                             message: converter.failure ?? "cannot be read")
        }
        return node
    }

    /// Counts the values `node` expands to (aliases included) against `budget`, and charges every
    /// merge one value per key it copies; nil when the budget runs out. Otherwise the number of
    /// keys a merge of `node` copies: a mapping's keys after its own merges, a list's sum of its
    /// items' (0 for a scalar). Stops descending past the nesting limit, which the converter
    /// then reports.
    private static func expansion(of node: Node, depth: Int, budget: inout Int) -> Int? {
        budget -= 1
        guard budget >= 0 else { return nil }
        guard depth <= maximumDepth else { return 0 }
        switch node {
        case .sequence(let sequence):
            var keys = 0
            for item in sequence {
                guard let itemKeys = expansion(of: item, depth: depth + 1, budget: &budget) else { return nil }
                keys += itemKeys
            }
            return keys
        case .mapping(let mapping):
            var keys = 0
            for (key, value) in mapping {
                guard let valueKeys = expansion(of: value, depth: depth + 1, budget: &budget) else { return nil }
                if isMergeKey(key) {
                    budget -= valueKeys
                    guard budget >= 0 else { return nil }
                    keys += valueKeys
                } else {
                    keys += 1
                }
            }
            return keys
        default:
            return 0
        }
    }

    /// A YAML 1.1 merge key: a plain `<<` (or one tagged `!!merge`); a quoted `"<<"` is an ordinary key.
    static func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key, scalar.string == "<<" else { return false }
        return key.tag.description == Tag.Name.merge.rawValue
    }

    /// Walks Yams' nodes (already counted by `expansion`) into `DocumentNode`s, resolving merge keys.
    private struct Converter {
        var failure: String?
        var failureLine: Int?
        /// Where the failure is, innermost step first: filled in while the recursion unwinds, so
        /// that a successful conversion never builds a path.
        var failurePath: [PathStep] = []

        enum PathStep {
            case key(String)
            case index(Int)
        }

        /// The failure's path as the decoder writes paths: `links[3].capacity.t`.
        var failurePathText: String {
            var text = ""
            for step in failurePath.reversed() {
                switch step {
                case .key(let key): text += text.isEmpty ? key : ".\(key)"
                case .index(let index): text += "[\(index)]"
                }
            }
            return text
        }

        mutating func fail<T>(_ message: String, at node: Node) -> T? {
            failure = message
            failureLine = node.mark?.line
            return nil
        }

        mutating func convert(_ node: Node, depth: Int) -> DocumentNode? {
            guard depth <= YAMLDocumentReader.maximumDepth else {
                return fail("nesting is deeper than \(YAMLDocumentReader.maximumDepth) levels", at: node)
            }
            if let tag = YAMLDocumentReader.unknownTag(node) {
                return fail("unknown tag \(tag) (Corridor reads plain YAML data: remove the tag)", at: node)
            }
            switch node {
            case .scalar(let scalar):
                return YAMLDocumentReader.scalarNode(scalar)
            case .sequence(let sequence):
                var items: [DocumentNode] = []
                items.reserveCapacity(sequence.count)
                for (index, item) in sequence.enumerated() {
                    guard let converted = convert(item, depth: depth + 1) else {
                        failurePath.append(.index(index))
                        return nil
                    }
                    items.append(converted)
                }
                return DocumentNode(.list(items), line: sequence.mark?.line)
            case .mapping(let mapping):
                var entries: [DocumentNode.Entry] = []
                entries.reserveCapacity(mapping.count)
                var keys = Set<String>()
                // The entries a merge key brought in, at its place: one range, as `<<` may appear
                // only once in a mapping.
                var merged: Range<Int>?
                for (key, value) in mapping {
                    if YAMLDocumentReader.isMergeKey(key) {
                        guard merged == nil else {
                            failurePath.append(.key("<<"))
                            return fail("a merge key (<<) is given twice in one object", at: key)
                        }
                        guard let mergedEntries = mergedEntries(value, depth: depth + 1) else {
                            failurePath.append(.key("<<"))
                            return nil
                        }
                        merged = entries.endIndex..<(entries.endIndex + mergedEntries.count)
                        entries += mergedEntries
                        continue
                    }
                    guard case .scalar(let keyScalar) = key else {
                        return fail("a key must be a plain name, not a list or object", at: key)
                    }
                    // Yams compares keys with their YAML types (`1` and `"1"` differ); as names they
                    // are the same key (§4.12).
                    guard keys.insert(keyScalar.string).inserted else {
                        failurePath.append(.key(keyScalar.string))
                        return fail("key \"\(keyScalar.string)\" is given twice in one object", at: key)
                    }
                    guard let converted = convert(value, depth: depth + 1) else {
                        failurePath.append(.key(keyScalar.string))
                        return nil
                    }
                    entries.append(.init(key: keyScalar.string, node: converted))
                }
                if let merged {
                    // A merged key is dropped when the mapping gives it itself or an earlier merged
                    // mapping already did (YAML 1.1); this is not a duplicate.
                    var seen = keys
                    var kept = Array(entries[..<merged.lowerBound])
                    kept.reserveCapacity(entries.count)
                    for entry in entries[merged] where seen.insert(entry.key).inserted { kept.append(entry) }
                    kept += entries[merged.upperBound...]
                    entries = kept
                }
                return DocumentNode(.map(entries), line: mapping.mark?.line)
            default:
                return fail("unsupported YAML construct", at: node)
            }
        }

        /// The entries a merge key's value brings in, in order (a mapping's after its own merges,
        /// then the next mapping's); nil after a failure, also when the value is not a mapping or
        /// a list of mappings.
        mutating func mergedEntries(_ value: Node, depth: Int) -> [DocumentNode.Entry]? {
            switch value {
            case .mapping:
                guard let converted = convert(value, depth: depth), case .map(let entries) = converted.value else {
                    return nil
                }
                return entries
            case .sequence(let sequence):
                var entries: [DocumentNode.Entry] = []
                for (index, item) in sequence.enumerated() {
                    guard case .mapping = item else {
                        failurePath.append(.index(index))
                        return fail("a merge key (<<) takes objects only, found \(Self.kind(of: item)) in its list",
                                    at: item)
                    }
                    guard let converted = convert(item, depth: depth + 1), case .map(let more) = converted.value else {
                        failurePath.append(.index(index))
                        return nil
                    }
                    entries += more
                }
                return entries
            default:
                return fail("a merge key (<<) takes an object or a list of objects, found \(Self.kind(of: value))",
                            at: value)
            }
        }

        static func kind(of node: Node) -> String {
            switch node {
            case .scalar(let scalar): return YAMLDocumentReader.scalarNode(scalar).kindDescription
            case .sequence: return "a list"
            case .mapping: return "an object"
            case .alias: return "an alias"
            }
        }
    }

    /// The YAML 1.1 types a tag may name (`!!str`, `!!int`, …); any other tag — a local `!foo`, an
    /// application's `!!python/object:…` — is an error rather than ignored.
    static let knownTags: Set<String> = ["str", "int", "float", "bool", "null", "binary", "timestamp", "merge",
                                         "map", "seq", "omap", "pairs", "set", "value"]

    /// The tag of `node` as written, when it is not one of `knownTags` (untagged nodes have none).
    static func unknownTag(_ node: Node) -> String? {
        let tag = node.tag.description
        if tag.isEmpty || tag == "?" || tag == "!" { return nil }
        let prefix = "tag:yaml.org,2002:"
        guard tag.hasPrefix(prefix) else { return tag }
        let name = String(tag.dropFirst(prefix.count))
        return knownTags.contains(name) ? nil : "!!" + name
    }

    static func scalarNode(_ scalar: Node.Scalar) -> DocumentNode {
        let line = scalar.mark?.line
        let text = scalar.string
        // Quoted, or tagged `!!str` (`!!str 150`): a string, never a number or boolean.
        guard scalar.style == .plain, scalar.tag.description != Tag.Name.str.rawValue else {
            return DocumentNode(.string(text), line: line)
        }
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
