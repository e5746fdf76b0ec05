import CGLPK

extension GLPKProblem {
    /// Changes the bounds of column `j` (0-based). `lower == upper` fixes it; use
    /// `-.infinity` / `.infinity` for a missing side. The basis is kept, so a following
    /// ``resolveWarm(timeLimit:verbose:)`` starts from it.
    ///
    /// - Throws: ``LPError/indexOutOfRange(_:index:count:)``, ``LPError/nonFiniteValue(field:index:)``
    ///   for NaN, or ``LPError/invalidBounds(_:index:lower:upper:)``.
    public func setColumnBounds(_ j: Int, lower: Double, upper: Double) throws(LPError) {
        try setColumnBounds([BoundChange(index: j, lower: lower, upper: upper)])
    }

    /// Changes the bounds of row `i` (0-based); see ``setColumnBounds(_:lower:upper:)``.
    public func setRowBounds(_ i: Int, lower: Double, upper: Double) throws(LPError) {
        try setRowBounds([BoundChange(index: i, lower: lower, upper: upper)])
    }

    /// Applies several column bound changes. All are validated first; if any is invalid,
    /// none is applied. Later changes to the same column win.
    public func setColumnBounds(_ changes: [BoundChange]) throws(LPError) {
        checkThread()
        let n = Int(glp_get_num_cols(handle))
        try Self.validate(changes, .column, count: n)
        for change in changes {
            let b = Self.glpkBounds(lower: change.lower, upper: change.upper)
            glp_set_col_bnds(handle, Int32(change.index + 1), b.type, b.lower, b.upper)
        }
    }

    /// Applies several row bound changes, validated first (all or nothing).
    public func setRowBounds(_ changes: [BoundChange]) throws(LPError) {
        checkThread()
        let m = Int(glp_get_num_rows(handle))
        try Self.validate(changes, .row, count: m)
        for change in changes {
            let b = Self.glpkBounds(lower: change.lower, upper: change.upper)
            glp_set_row_bnds(handle, Int32(change.index + 1), b.type, b.lower, b.upper)
        }
    }

    /// Current bounds of column `j`, with `±.infinity` for missing sides.
    public func columnBounds(_ j: Int) throws(LPError) -> (lower: Double, upper: Double) {
        checkThread()
        let n = Int(glp_get_num_cols(handle))
        guard (0..<n).contains(j) else { throw .indexOutOfRange(.column, index: j, count: n) }
        let k = Int32(j + 1)
        return Self.swiftBounds(
            type: glp_get_col_type(handle, k), lower: glp_get_col_lb(handle, k),
            upper: glp_get_col_ub(handle, k))
    }

    /// Current bounds of row `i`, with `±.infinity` for missing sides.
    public func rowBounds(_ i: Int) throws(LPError) -> (lower: Double, upper: Double) {
        checkThread()
        let m = Int(glp_get_num_rows(handle))
        guard (0..<m).contains(i) else { throw .indexOutOfRange(.row, index: i, count: m) }
        let k = Int32(i + 1)
        return Self.swiftBounds(
            type: glp_get_row_type(handle, k), lower: glp_get_row_lb(handle, k),
            upper: glp_get_row_ub(handle, k))
    }

    private static func validate(
        _ changes: [BoundChange], _ entity: LPError.Entity, count: Int
    ) throws(LPError) {
        for change in changes {
            guard (0..<count).contains(change.index) else {
                throw .indexOutOfRange(entity, index: change.index, count: count)
            }
            try LinearProgram.checkBounds(change.lower, change.upper, entity, index: change.index)
        }
    }

    /// GLPK reports a missing bound as ∓`DBL_MAX`; translate by bound type instead.
    private static func swiftBounds(
        type: Int32, lower: Double, upper: Double
    ) -> (lower: Double, upper: Double) {
        switch type {
        case GLP_FR: return (-.infinity, .infinity)
        case GLP_LO: return (lower, .infinity)
        case GLP_UP: return (-.infinity, upper)
        default: return (lower, upper)  // GLP_DB, GLP_FX
        }
    }
}
