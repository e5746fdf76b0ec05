/// A pure-Swift, sparse description of a linear program, stored in flat arrays.
///
/// The program is
///
///     minimize / maximize   objective · x + objectiveConstant
///     subject to            rowLower[i]    ≤ (A x)[i] ≤ rowUpper[i]     for every row i
///                           columnLower[j] ≤  x[j]    ≤ columnUpper[j]  for every column j
///
/// where the matrix `A` is given as 0-based triplets
/// (`entryRow[k]`, `entryColumn[k]`, `entryValue[k]`).
///
/// Bounds use `-.infinity` / `.infinity` for a missing side; `lower == upper` makes the
/// variable (or row) fixed. Nothing is checked while building: call ``validate()`` (which
/// ``GLPKProblem/init(_:)`` always does) to find every defect GLPK would abort on.
///
/// The value is `Sendable`, so it can be built on one thread and handed to the thread that
/// owns a ``GLPKProblem``.
public struct LinearProgram: Sendable, Equatable {
    /// Problem name, used only when exporting (empty means "no name").
    public var name: String
    /// Whether the objective is minimised or maximised.
    public var sense: ObjectiveSense

    /// Lower bound of each column (`-.infinity` for none).
    public var columnLower: [Double]
    /// Upper bound of each column (`.infinity` for none).
    public var columnUpper: [Double]
    /// Objective coefficient of each column.
    public var objective: [Double]
    /// Constant term added to the objective.
    public var objectiveConstant: Double

    /// Lower bound of each row activity (`-.infinity` for none).
    public var rowLower: [Double]
    /// Upper bound of each row activity (`.infinity` for none).
    public var rowUpper: [Double]

    /// 0-based row index of each matrix entry.
    public var entryRow: [Int32]
    /// 0-based column index of each matrix entry.
    public var entryColumn: [Int32]
    /// Value of each matrix entry. Each (row, column) pair may occur at most once.
    public var entryValue: [Double]

    /// Optional column names (used for LP/MPS export only).
    public var columnNames: [String]?
    /// Optional row names (used for LP/MPS export only).
    public var rowNames: [String]?

    /// Creates an empty program (no rows, no columns) or one from ready-made arrays.
    public init(
        name: String = "",
        sense: ObjectiveSense = .minimize,
        columnLower: [Double] = [],
        columnUpper: [Double] = [],
        objective: [Double] = [],
        objectiveConstant: Double = 0,
        rowLower: [Double] = [],
        rowUpper: [Double] = [],
        entryRow: [Int32] = [],
        entryColumn: [Int32] = [],
        entryValue: [Double] = [],
        columnNames: [String]? = nil,
        rowNames: [String]? = nil
    ) {
        self.name = name
        self.sense = sense
        self.columnLower = columnLower
        self.columnUpper = columnUpper
        self.objective = objective
        self.objectiveConstant = objectiveConstant
        self.rowLower = rowLower
        self.rowUpper = rowUpper
        self.entryRow = entryRow
        self.entryColumn = entryColumn
        self.entryValue = entryValue
        self.columnNames = columnNames
        self.rowNames = rowNames
    }

    /// Number of rows (constraints).
    public var numberOfRows: Int { rowLower.count }
    /// Number of columns (structural variables).
    public var numberOfColumns: Int { columnLower.count }
    /// Number of stored matrix entries (explicit zeros included).
    public var numberOfNonZeros: Int { entryValue.count }

    /// The row activities `A x` of column values `x` (one per column): what the row bounds limit.
    public func rowActivities(of x: [Double]) -> [Double] {
        precondition(x.count == numberOfColumns, "one value per column")
        var activities = [Double](repeating: 0, count: numberOfRows)
        for k in entryValue.indices {
            activities[Int(entryRow[k])] += entryValue[k] * x[Int(entryColumn[k])]
        }
        return activities
    }

    /// The same program with only the rows where `keep` is true (one flag per row), renumbered in
    /// order; entries keep their order, columns and names are unchanged.
    public func keepingRows(_ keep: [Bool]) -> LinearProgram {
        precondition(keep.count == numberOfRows, "one flag per row")
        var newIndex = [Int32](repeating: -1, count: numberOfRows)
        var kept: Int32 = 0
        for i in 0..<numberOfRows where keep[i] {
            newIndex[i] = kept
            kept += 1
        }
        var result = self
        result.rowLower = rowLower.indices.filter { keep[$0] }.map { rowLower[$0] }
        result.rowUpper = rowUpper.indices.filter { keep[$0] }.map { rowUpper[$0] }
        result.rowNames = rowNames.map { names in names.indices.filter { keep[$0] }.map { names[$0] } }
        result.entryRow = []
        result.entryColumn = []
        result.entryValue = []
        for k in entryValue.indices where keep[Int(entryRow[k])] {
            result.entryRow.append(newIndex[Int(entryRow[k])])
            result.entryColumn.append(entryColumn[k])
            result.entryValue.append(entryValue[k])
        }
        return result
    }

    // MARK: - Building

    /// Appends a column and returns its 0-based index.
    ///
    /// If `name` is given while earlier columns are unnamed (or vice versa), the unnamed
    /// columns receive GLPK-style placeholder names `x_<1-based index>`.
    @discardableResult
    public mutating func addColumn(
        lower: Double = 0, upper: Double = .infinity, objective coefficient: Double = 0,
        name: String? = nil
    ) -> Int {
        let index = columnLower.count
        columnLower.append(lower)
        columnUpper.append(upper)
        objective.append(coefficient)
        Self.appendName(name, at: index, placeholderPrefix: "x_", to: &columnNames)
        return index
    }

    /// Appends a row `lower ≤ activity ≤ upper` and returns its 0-based index.
    ///
    /// Unnamed rows in a partly named program receive placeholder names `r_<1-based index>`.
    @discardableResult
    public mutating func addRow(
        lower: Double = -.infinity, upper: Double = .infinity, name: String? = nil
    ) -> Int {
        let index = rowLower.count
        rowLower.append(lower)
        rowUpper.append(upper)
        Self.appendName(name, at: index, placeholderPrefix: "r_", to: &rowNames)
        return index
    }

    /// Appends the matrix entry `A[row, column] = value` (0-based indices).
    ///
    /// Indices are not checked here; out-of-range or duplicate entries are reported by
    /// ``validate()``.
    public mutating func addEntry(row: Int, column: Int, value: Double) {
        entryRow.append(Int32(clamping: row))
        entryColumn.append(Int32(clamping: column))
        entryValue.append(value)
    }

    /// Reserves storage for at least the given total numbers of rows, columns and entries,
    /// like `Array.reserveCapacity(_:)`.
    public mutating func reserve(rows: Int = 0, columns: Int = 0, nonZeros: Int = 0) {
        rowLower.reserveCapacity(rows)
        rowUpper.reserveCapacity(rows)
        rowNames?.reserveCapacity(rows)
        columnLower.reserveCapacity(columns)
        columnUpper.reserveCapacity(columns)
        objective.reserveCapacity(columns)
        columnNames?.reserveCapacity(columns)
        entryRow.reserveCapacity(nonZeros)
        entryColumn.reserveCapacity(nonZeros)
        entryValue.reserveCapacity(nonZeros)
    }

    private static func appendName(
        _ name: String?, at index: Int, placeholderPrefix: String, to names: inout [String]?
    ) {
        func placeholder(_ k: Int) -> String { "\(placeholderPrefix)\(k + 1)" }
        switch (name, names) {
        case (nil, nil):
            return
        case (let name?, nil):
            var filled = (0..<index).map(placeholder)
            filled.append(name)
            names = filled
        case (let name, .some):
            names!.append(name ?? placeholder(index))
        }
    }
}
