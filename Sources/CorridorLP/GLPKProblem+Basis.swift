import CGLPK

extension GLPKProblem {
    /// Snapshot of the current basis statuses (`glp_get_row_stat` / `glp_get_col_stat`).
    public func saveBasis() -> Basis {
        checkThread()
        let m = Int(glp_get_num_rows(handle)), n = Int(glp_get_num_cols(handle))
        return Basis(
            rowStatus: (0..<m).map { Self.basisStatus(glp_get_row_stat(handle, Int32($0 + 1))) },
            columnStatus: (0..<n).map { Self.basisStatus(glp_get_col_stat(handle, Int32($0 + 1))) })
    }

    /// Puts a saved basis back (`glp_set_row_stat` / `glp_set_col_stat`), typically to
    /// warm-start ``resolveWarm(timeLimit:verbose:)`` or `solve` with `basis: .keep` from a
    /// baseline. GLPK adjusts a non-basic status to fit each variable's current bound type
    /// (e.g. `.atUpper` becomes `.atLower` for a variable that has no upper bound). The basis is
    /// factorized afresh (`glp_factorize`), so a solve from it does not depend on earlier solves.
    ///
    /// - Throws: ``LPError/basisMismatch(expectedRows:expectedColumns:rows:columns:)`` if the
    ///   sizes differ from the problem's, ``LPError/invalidBasis(basicCount:rows:)`` if the
    ///   basis does not have exactly one basic variable per row. Nothing changes then.
    public func restoreBasis(_ basis: Basis) throws(LPError) {
        checkThread()
        let m = Int(glp_get_num_rows(handle)), n = Int(glp_get_num_cols(handle))
        guard basis.rowStatus.count == m, basis.columnStatus.count == n else {
            throw .basisMismatch(
                expectedRows: m, expectedColumns: n,
                rows: basis.rowStatus.count, columns: basis.columnStatus.count)
        }
        guard basis.basicCount == m else { throw .invalidBasis(basicCount: basis.basicCount, rows: m) }
        for (i, status) in basis.rowStatus.enumerated() {
            glp_set_row_stat(handle, Int32(i + 1), Self.glpkStatus(status))
        }
        for (j, status) in basis.columnStatus.enumerated() {
            glp_set_col_stat(handle, Int32(j + 1), Self.glpkStatus(status))
        }
        // GLPK keeps its basis factorization when the set of basic variables has not changed, and
        // the simplex then continues from that factorization with its accumulated updates — so a
        // re-solve could depend on what the problem solved before. Factorize afresh, as
        // `glp_simplex` does for a new basis, so that a restored basis always starts the same way.
        // (A singular basis is left to `glp_simplex`, which reports it.)
        _ = glp_factorize(handle)
    }

    private static func basisStatus(_ status: Int32) -> BasisStatus {
        switch status {
        case GLP_BS: return .basic
        case GLP_NL: return .atLower
        case GLP_NU: return .atUpper
        case GLP_NF: return .free
        default: return .fixed  // GLP_NS
        }
    }

    private static func glpkStatus(_ status: BasisStatus) -> Int32 {
        switch status {
        case .basic: return GLP_BS
        case .atLower: return GLP_NL
        case .atUpper: return GLP_NU
        case .free: return GLP_NF
        case .fixed: return GLP_NS
        }
    }
}
