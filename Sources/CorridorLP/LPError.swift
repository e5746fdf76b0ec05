/// Everything that can go wrong in the LP layer before GLPK gets a chance to abort.
///
/// GLPK reacts to invalid input (bad indices, duplicate matrix entries, over-long names…)
/// by printing a message and calling `abort()`. The Swift layer checks all such input up
/// front and reports it with one of these cases instead. Payloads deliberately carry no
/// `NaN` values, so errors compare reliably with `==`.
public enum LPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What a row/column-related error refers to.
    public enum Entity: String, Sendable, Hashable {
        /// The problem as a whole (used for the problem name).
        case problem
        /// A row (constraint).
        case row
        /// A column (structural variable).
        case column
    }

    /// An array's length disagrees with the length it must have.
    case lengthMismatch(field: String, expected: Int, actual: Int)
    /// More rows, columns or entries than GLPK can hold.
    case tooLarge(field: String, count: Int, limit: Int)
    /// Matrix entry number `entry` refers to a row or column that does not exist.
    case entryOutOfRange(entry: Int, row: Int, column: Int, rows: Int, columns: Int)
    /// Two matrix entries address the same (row, column) position.
    case duplicateEntry(row: Int, column: Int, firstEntry: Int, secondEntry: Int)
    /// `field[index]` is NaN, or infinite where only a finite value makes sense
    /// (objective coefficients, the objective constant, matrix values).
    case nonFiniteValue(field: String, index: Int)
    /// Matrix entry number `entry` is non-zero but of a magnitude outside 1e-100…1e100, where
    /// GLPK's scaling can underflow to a zero factor (and abort).
    case badlyScaledEntry(entry: Int, value: Double)
    /// A bound pair is unusable: `lower > upper`, `lower == +∞` or `upper == -∞`.
    case invalidBounds(Entity, index: Int, lower: Double, upper: Double)
    /// A name GLPK would reject or that would corrupt an LP/MPS file.
    case invalidName(Entity, index: Int, name: String, reason: String)
    /// A row or column index passed to a ``GLPKProblem`` method is out of range.
    case indexOutOfRange(Entity, index: Int, count: Int)
    /// A ``Basis`` does not have one status per row and per column of the problem.
    case basisMismatch(expectedRows: Int, expectedColumns: Int, rows: Int, columns: Int)
    /// A ``Basis`` does not have exactly one basic variable per row.
    case invalidBasis(basicCount: Int, rows: Int)
    /// A file path is empty or contains a NUL character.
    case invalidPath(String)
    /// GLPK could not write the file (`code` is GLPK's nonzero return value).
    case writeFailed(format: String, path: String, code: Int32)
    /// The written file could not be put at `path` (the system's reason, e.g. "No space left on device").
    case ioFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(field, expected, actual):
            return "\(field) has \(actual) element(s) but \(expected) are required"
        case let .tooLarge(field, count, limit):
            return "\(field): \(count) exceeds GLPK's limit of \(limit)"
        case let .entryOutOfRange(entry, row, column, rows, columns):
            return "matrix entry \(entry) at (row \(row), column \(column)) is outside the "
                + "\(rows) × \(columns) matrix"
        case let .duplicateEntry(row, column, first, second):
            return "matrix entries \(first) and \(second) both address (row \(row), column \(column))"
        case let .nonFiniteValue(field, index):
            return "\(field)[\(index)] is not a finite number"
        case let .badlyScaledEntry(entry, value):
            return "matrix entry \(entry) is \(value), outside the magnitudes 1e-100…1e100 GLPK can scale"
        case let .invalidBounds(entity, index, lower, upper):
            return "\(entity.rawValue) \(index) has invalid bounds [\(lower), \(upper)]"
        case let .invalidName(entity, index, name, reason):
            let subject = entity == .problem ? "problem name" : "\(entity.rawValue) \(index) name"
            return "\(subject) \(String(reflecting: name)) is invalid: \(reason)"
        case let .indexOutOfRange(entity, index, count):
            return "\(entity.rawValue) index \(index) is out of range 0..<\(count)"
        case let .basisMismatch(expectedRows, expectedColumns, rows, columns):
            return "basis has \(rows) row and \(columns) column statuses but the problem has "
                + "\(expectedRows) rows and \(expectedColumns) columns"
        case let .invalidBasis(basicCount, rows):
            return "basis has \(basicCount) basic variables but needs exactly \(rows) (one per row)"
        case let .invalidPath(path):
            return "invalid file path \(String(reflecting: path))"
        case let .writeFailed(format, path, code):
            return "GLPK failed to write \(format) file '\(path)' (code \(code))"
        case let .ioFailed(path, reason):
            return "cannot write '\(path)': \(reason)"
        }
    }
}
