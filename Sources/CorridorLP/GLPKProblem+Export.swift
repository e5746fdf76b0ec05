import CGLPK

extension GLPKProblem {
    /// Writes the problem in CPLEX LP format (`glp_write_lp`).
    ///
    /// Names that are not valid in the LP format are replaced by GLPK with generic ones
    /// (`r_1`, `x_1`, …), as are missing names. GLPK's "Writing problem data…" messages
    /// are kept off standard output.
    ///
    /// Two GLPK limitations: the format has no objective constant, so GLPK writes it only as
    /// a comment (`\* constant term = … *\`) and readers drop it; and a problem without
    /// rows or columns is written as a stub that GLPK's own LP reader rejects.
    ///
    /// - Throws: ``LPError/invalidPath(_:)`` or ``LPError/writeFailed(format:path:code:)``.
    public func writeCPLEXLP(to path: String) throws(LPError) {
        try write(format: "CPLEX LP", path: path) { glp_write_lp(handle, nil, $0) }
    }

    /// Writes the problem in free (modern) MPS format (`glp_write_mps` with `GLP_MPS_FILE`).
    ///
    /// Note that GLPK's MPS writer records no objective sense: a maximisation is only
    /// flagged in a comment line, so readers treat the file as a minimisation unless told
    /// otherwise (e.g. `glpsol --freemps FILE --max`).
    ///
    /// - Throws: ``LPError/invalidPath(_:)`` or ``LPError/writeFailed(format:path:code:)``.
    public func writeFreeMPS(to path: String) throws(LPError) {
        try write(format: "free MPS", path: path) { glp_write_mps(handle, GLP_MPS_FILE, nil, $0) }
    }

    private func write(
        format: String, path: String, _ writer: (UnsafePointer<CChar>) -> Int32
    ) throws(LPError) {
        checkThread()
        guard !path.isEmpty, !path.utf8.contains(0) else { throw .invalidPath(path) }
        let code = GLPKTerminal.withOutput(verbose: false) { path.withCString(writer) }
        guard code == 0 else { throw .writeFailed(format: format, path: path, code: code) }
    }
}
