extension LinearProgram {
    /// How far apart the program's numbers are: the largest non-zero magnitude over the smallest, among
    /// matrix entries, objective coefficients and finite bounds (1 when there is no non-zero number).
    ///
    /// Floating-point simplex works to tolerances of about 1e-9 relative; a program whose numbers
    /// span much more than that (a `uses` of 1e-12 next to capacities of 60, penalties of 1e12 next to
    /// costs of 1) can be declared optimal at a wrong vertex. Callers use this to decide when a solve
    /// needs ``GLPKProblem/solveExactly(timeLimit:verbose:)`` after it.
    public var magnitudeSpread: Double {
        var smallest = Double.infinity, largest = 0.0
        func see(_ value: Double) {
            let magnitude = value.magnitude
            guard magnitude > 0, magnitude.isFinite else { return }
            smallest = min(smallest, magnitude)
            largest = max(largest, magnitude)
        }
        entryValue.forEach(see)
        objective.forEach(see)
        columnLower.forEach(see)
        columnUpper.forEach(see)
        rowLower.forEach(see)
        rowUpper.forEach(see)
        return largest > 0 ? largest / smallest : 1
    }
}
