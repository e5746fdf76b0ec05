/// GLPK's hard limits (from `glpapi01.c`); exceeding them makes GLPK abort.
enum GLPKLimits {
    static let maxRows = 100_000_000
    static let maxColumns = 100_000_000
    static let maxNonZeros = 500_000_000
    /// Names may hold at most this many UTF-8 bytes.
    static let maxNameBytes = 255
    /// Non-zero matrix entries must have a magnitude in this range: far beyond it, the scale factors
    /// `glp_scale_prob` computes underflow to 0 and `glp_set_sjj` aborts ("invalid scale factor").
    static let entryMagnitudes: ClosedRange<Double> = 1e-100...1e100
}

extension LinearProgram {
    /// Checks everything GLPK would abort on, or that would make its results meaningless.
    ///
    /// Checked, in this order:
    /// - counts within GLPK's limits (10⁸ rows, 10⁸ columns, 5·10⁸ entries);
    /// - all parallel arrays have consistent lengths;
    /// - names (problem, and rows/columns if present): 1…255 UTF-8 bytes, no whitespace or
    ///   control characters (the problem name may be empty). Duplicate names are allowed;
    /// - bounds: never NaN, `lower ≤ upper`, `lower ≠ +∞`, `upper ≠ -∞`;
    /// - objective coefficients, the objective constant and matrix values are finite;
    /// - non-zero matrix values have a magnitude in 1e-100…1e100 (GLPK's scaling breaks beyond);
    /// - matrix indices are in range and no (row, column) pair occurs twice.
    ///
    /// - Throws: the first ``LPError`` found.
    public func validate() throws(LPError) {
        let m = numberOfRows, n = numberOfColumns, nnz = entryRow.count
        try Self.checkCount("rows", m, GLPKLimits.maxRows)
        try Self.checkCount("columns", n, GLPKLimits.maxColumns)
        try Self.checkCount("entries", nnz, GLPKLimits.maxNonZeros)

        try Self.checkLength("columnUpper", columnUpper.count, n)
        try Self.checkLength("objective", objective.count, n)
        try Self.checkLength("rowUpper", rowUpper.count, m)
        try Self.checkLength("entryColumn", entryColumn.count, nnz)
        try Self.checkLength("entryValue", entryValue.count, nnz)
        if let columnNames { try Self.checkLength("columnNames", columnNames.count, n) }
        if let rowNames { try Self.checkLength("rowNames", rowNames.count, m) }

        if !name.isEmpty { try Self.checkName(name, .problem, index: 0) }
        if let columnNames {
            for (j, name) in columnNames.enumerated() { try Self.checkName(name, .column, index: j) }
        }
        if let rowNames {
            for (i, name) in rowNames.enumerated() { try Self.checkName(name, .row, index: i) }
        }

        for j in 0..<n {
            try Self.checkBounds(columnLower[j], columnUpper[j], .column, index: j)
            guard objective[j].isFinite else { throw .nonFiniteValue(field: "objective", index: j) }
        }
        guard objectiveConstant.isFinite else {
            throw .nonFiniteValue(field: "objectiveConstant", index: 0)
        }
        for i in 0..<m {
            try Self.checkBounds(rowLower[i], rowUpper[i], .row, index: i)
        }
        try validateMatrix()
    }

    /// Range, finiteness and duplicate checks on the triplets, in O(entries + rows + columns).
    private func validateMatrix() throws(LPError) {
        let m = numberOfRows, n = numberOfColumns, nnz = entryRow.count
        guard nnz > 0 else { return }
        // Pass 1: range and finiteness; count entries per row.
        var rowStart = [Int](repeating: 0, count: m + 1)
        for k in 0..<nnz {
            let i = Int(entryRow[k]), j = Int(entryColumn[k])
            guard (0..<m).contains(i), (0..<n).contains(j) else {
                throw .entryOutOfRange(entry: k, row: i, column: j, rows: m, columns: n)
            }
            let value = entryValue[k]
            guard value.isFinite else { throw .nonFiniteValue(field: "entryValue", index: k) }
            guard value == 0 || GLPKLimits.entryMagnitudes.contains(value.magnitude) else {
                throw .badlyScaledEntry(entry: k, value: value)
            }
            rowStart[i + 1] += 1
        }
        for i in 0..<m { rowStart[i + 1] += rowStart[i] }
        // Pass 2: stable bucket sort of entry numbers by row.
        var fill = rowStart
        var byRow = [Int32](repeating: 0, count: nnz)
        for k in 0..<nnz {
            let i = Int(entryRow[k])
            byRow[fill[i]] = Int32(k)
            fill[i] += 1
        }
        // Pass 3: within each row, a column seen twice is a duplicate.
        var lastRow = [Int32](repeating: -1, count: n)
        var lastEntry = [Int32](repeating: -1, count: n)
        for i in 0..<m {
            for position in rowStart[i]..<rowStart[i + 1] {
                let k = byRow[position]
                let j = Int(entryColumn[Int(k)])
                if lastRow[j] == Int32(i) {
                    throw .duplicateEntry(
                        row: i, column: j, firstEntry: Int(lastEntry[j]), secondEntry: Int(k))
                }
                lastRow[j] = Int32(i)
                lastEntry[j] = k
            }
        }
    }

    private static func checkCount(_ field: String, _ count: Int, _ limit: Int) throws(LPError) {
        guard count <= limit else { throw .tooLarge(field: field, count: count, limit: limit) }
    }

    private static func checkLength(_ field: String, _ actual: Int, _ expected: Int) throws(LPError) {
        guard actual == expected else {
            throw .lengthMismatch(field: field, expected: expected, actual: actual)
        }
    }

    /// Bound rules shared with ``GLPKProblem``'s bound setters.
    static func checkBounds(
        _ lower: Double, _ upper: Double, _ entity: LPError.Entity, index: Int
    ) throws(LPError) {
        let prefix = entity == .row ? "row" : "column"
        guard !lower.isNaN else { throw .nonFiniteValue(field: prefix + "Lower", index: index) }
        guard !upper.isNaN else { throw .nonFiniteValue(field: prefix + "Upper", index: index) }
        guard lower <= upper, lower != .infinity, upper != -.infinity else {
            throw .invalidBounds(entity, index: index, lower: lower, upper: upper)
        }
    }

    /// Name rules: what `glp_set_*_name` accepts, minus whitespace (which breaks MPS/LP files).
    static func checkName(_ name: String, _ entity: LPError.Entity, index: Int) throws(LPError) {
        func reject(_ reason: String) -> LPError {
            .invalidName(entity, index: index, name: name, reason: reason)
        }
        guard !name.isEmpty else { throw reject("it is empty") }
        guard name.utf8.count <= GLPKLimits.maxNameBytes else {
            throw reject("it is longer than \(GLPKLimits.maxNameBytes) UTF-8 bytes")
        }
        for scalar in name.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                throw reject("it contains a control character")
            }
            if scalar.properties.isWhitespace {
                throw reject("it contains whitespace")
            }
        }
    }
}
