/// Collects every problem found while decoding one document, so that all of them are reported at
/// once. Shared by the readers of nested objects.
final class DecodingLog {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func report(_ path: String, _ node: DocumentNode?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, path: path, line: node?.line, message: message))
    }

    /// Largest magnitude a number may have (contract §4.12).
    static let maximumMagnitude = 1e12
    /// Smallest magnitude a non-zero number may have (docs/contract-readings.md, "Numbers"): the
    /// mirror of §4.12's limit. Smaller values say nothing a planner means and break GLPK's scaling.
    static let minimumMagnitude = 1e-12

    // MARK: Scalars

    /// A string, or the source text of a YAML plain scalar (`NO`, `123`).
    func string(_ node: DocumentNode, _ path: String) -> String? {
        if case .string(let value) = node.value { return value }
        if let text = node.plainText, !text.isEmpty { return text }
        report(path, node, "expected a string, found \(node.kindDescription)")
        return nil
    }

    /// A string without control characters, possibly empty: display names and labels, which reach
    /// reports (a JSON `"\u0000"` in a name printed a NUL byte on standard output).
    func text(_ node: DocumentNode, _ path: String) -> String? {
        string(node, path).flatMap { withoutControlCharacters($0, node, path) }
    }

    /// `value`, or nil (reported) when it holds a control character.
    private func withoutControlCharacters(_ value: String, _ node: DocumentNode, _ path: String) -> String? {
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            report(path, node, "must not contain control characters")
            return nil
        }
        return value
    }

    /// A non-empty string without control characters: ids, country codes, dimension names.
    func identifier(_ node: DocumentNode, _ path: String) -> String? {
        guard let value = string(node, path) else { return nil }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            report(path, node, "must not be empty")
            return nil
        }
        return withoutControlCharacters(value, node, path)
    }

    /// A finite number of magnitude at most 1e12, at least `minimum`; unless `allowsTiny`, zero or of
    /// magnitude at least 1e-12. `isLimit` (a capacity) adds to the too-large message how to leave it out.
    func number(_ node: DocumentNode, _ path: String, minimum: Double? = 0, exclusive: Bool = false,
                allowsTiny: Bool = false, isLimit: Bool = false) -> Double? {
        guard case .number(let value) = node.value else {
            report(path, node, "expected a number, found \(node.kindDescription)")
            return nil
        }
        guard value.isFinite else {
            report(path, node, "must be a finite number")
            return nil
        }
        guard abs(value) <= Self.maximumMagnitude else {
            // A limit (a capacity vector, where a missing dimension is unlimited) can be left out.
            report(path, node, "\(value) exceeds 1e12 in magnitude" + (isLimit ? " (leave a capacity out to make it unlimited)" : ""))
            return nil
        }
        guard allowsTiny || value == 0 || abs(value) >= Self.minimumMagnitude else {
            report(path, node, "\(value) is below 1e-12 in magnitude (write 0 for nothing)")
            return nil
        }
        if let minimum {
            if exclusive, value <= minimum {
                report(path, node, "must be greater than \(PlanNumbers.plain(minimum)), found \(PlanNumbers.plain(value))")
                return nil
            }
            if !exclusive, value < minimum {
                report(path, node, "must be at least \(PlanNumbers.plain(minimum)), found \(PlanNumbers.plain(value))")
                return nil
            }
        }
        return value == 0 ? 0 : value  // no negative zero
    }

    /// An integer (also written `3.0`, §4.10) within `range`.
    func integer(_ node: DocumentNode, _ path: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = number(node, path, minimum: nil) else { return nil }
        guard value.rounded() == value else {
            report(path, node, "must be a whole number, found \(value)")
            return nil
        }
        let integer = Int(value)
        if let range, !range.contains(integer) {
            report(path, node, "must be between \(range.lowerBound) and \(range.upperBound), found \(integer)")
            return nil
        }
        return integer
    }

    func bool(_ node: DocumentNode, _ path: String) -> Bool? {
        if case .bool(let value) = node.value { return value }
        report(path, node, "expected true or false, found \(node.kindDescription)")
        return nil
    }

    func list(_ node: DocumentNode, _ path: String) -> [DocumentNode]? {
        if case .list(let items) = node.value { return items }
        report(path, node, "expected a list, found \(node.kindDescription)")
        return nil
    }

    /// A dimension vector: an object of declared dimensions → non-negative numbers, or a plain
    /// number for the first dimension (§4.9). Missing dimensions take `missing`.
    func vector(_ node: DocumentNode, _ path: String, dimensions: [String], missing: Double) -> DimensionVector? {
        var result = DimensionVector(Array(repeating: missing, count: dimensions.count))
        switch node.value {
        case .number:
            guard let value = number(node, path, isLimit: missing.isInfinite), !dimensions.isEmpty else { return nil }
            result[0] = value
            return result
        case .map(let entries):
            var valid = true
            for entry in entries {
                let entryPath = "\(path).\(entry.key)"
                guard let index = dimensions.firstIndex(of: entry.key) else {
                    report(entryPath, entry.node,
                           "unknown dimension \"\(entry.key)\" (declared: \(dimensions.joined(separator: ", ")))")
                    valid = false
                    continue
                }
                if let value = number(entry.node, entryPath, isLimit: missing.isInfinite) { result[index] = value } else { valid = false }
            }
            return valid ? result : nil
        default:
            report(path, node, "expected a number or an object of dimensions, found \(node.kindDescription)")
            return nil
        }
    }
}
