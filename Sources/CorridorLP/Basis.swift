/// The status of one variable (row or column) in a simplex basis.
public enum BasisStatus: Sendable, Hashable {
    /// Basic (`GLP_BS`).
    case basic
    /// Non-basic at its lower bound (`GLP_NL`).
    case atLower
    /// Non-basic at its upper bound (`GLP_NU`).
    case atUpper
    /// Non-basic free variable, valued zero (`GLP_NF`).
    case free
    /// Non-basic fixed variable (`GLP_NS`).
    case fixed
}

/// A snapshot of a problem's simplex basis, for warm-starting later solves from a baseline.
///
/// Taken with ``GLPKProblem/saveBasis()`` and put back with ``GLPKProblem/restoreBasis(_:)``.
/// A valid basis has exactly one `.basic` status per row.
public struct Basis: Sendable, Hashable {
    /// Status of each row's auxiliary variable (0-based).
    public var rowStatus: [BasisStatus]
    /// Status of each column (0-based).
    public var columnStatus: [BasisStatus]

    /// Creates a basis from explicit statuses.
    public init(rowStatus: [BasisStatus], columnStatus: [BasisStatus]) {
        self.rowStatus = rowStatus
        self.columnStatus = columnStatus
    }

    /// Number of basic variables (rows and columns together).
    public var basicCount: Int {
        rowStatus.count { $0 == .basic } + columnStatus.count { $0 == .basic }
    }
}
