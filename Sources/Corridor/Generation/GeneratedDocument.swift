/// The value tree of a generated network document, written as YAML (flow style, one entity per
/// line) or JSON (one entity per line) in a fixed key order. Numbers are formatted here, from
/// integers, so the same tree gives the same bytes on every machine.
indirect enum GeneratedValue {
    case string(String)
    /// Already formatted (see `GeneratedNumber`).
    case number(String)
    case bool(Bool)
    case list([GeneratedValue])
    case object([(key: String, value: GeneratedValue)])

    static func int(_ value: Int) -> GeneratedValue { .number(String(value)) }
    static func decimal(_ value: Double, decimals: Int = 4) -> GeneratedValue {
        .number(GeneratedNumber.format(value, decimals: decimals))
    }
}

/// Deterministic decimal text: the value rounded to `decimals` places, trailing zeros dropped,
/// no exponent, no locale.
enum GeneratedNumber {
    static func format(_ value: Double, decimals: Int = 4) -> String {
        precondition(value.isFinite && decimals >= 0 && decimals <= 9)
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * Double(scale)).rounded())
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = magnitude % UInt64(scale)
        var text = (scaled < 0 ? "-" : "") + String(whole)
        guard fraction > 0 else { return text }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }
}

/// Writes a top-level object whose list-valued sections hold one entity per line.
struct GeneratedDocumentWriter {
    /// Keys written without quotes in YAML (the schema's own keys and the dimension names); any
    /// other key — a commodity id in `delay_by_commodity` — is quoted.
    let plainKeys: Set<String>

    func yaml(_ root: [(key: String, value: GeneratedValue)], header: [String]) -> String {
        var out = header.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
        if !header.isEmpty { out += "\n" }
        for (key, value) in root {
            if case .list(let items) = value, !items.isEmpty, items.allSatisfy(Self.isObject) {
                out += "\(key):\n"
                for item in items { out += "  - " + flowYAML(item) + "\n" }
            } else {
                out += "\(key): " + flowYAML(value) + "\n"
            }
        }
        return out
    }

    func json(_ root: [(key: String, value: GeneratedValue)]) -> String {
        var sections: [String] = []
        for (key, value) in root {
            if case .list(let items) = value, !items.isEmpty, items.allSatisfy(Self.isObject) {
                let lines = items.map { "    " + Self.inlineJSON($0) }.joined(separator: ",\n")
                sections.append("  \(Self.quoted(key)): [\n\(lines)\n  ]")
            } else {
                sections.append("  \(Self.quoted(key)): " + Self.inlineJSON(value))
            }
        }
        return "{\n" + sections.joined(separator: ",\n") + "\n}\n"
    }

    private static func isObject(_ value: GeneratedValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    private func flowYAML(_ value: GeneratedValue) -> String {
        switch value {
        case .string(let text): return Self.quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return "[" + items.map(flowYAML).joined(separator: ", ") + "]"
        case .object(let entries):
            return "{" + entries.map { (plainKeys.contains($0.key) ? $0.key : Self.quoted($0.key)) + ": " + flowYAML($0.value) }
                .joined(separator: ", ") + "}"
        }
    }

    private static func inlineJSON(_ value: GeneratedValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return "[" + items.map(inlineJSON).joined(separator: ", ") + "]"
        case .object(let entries):
            return "{" + entries.map { quoted($0.key) + ": " + inlineJSON($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// A double-quoted string, valid in both JSON and YAML.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
