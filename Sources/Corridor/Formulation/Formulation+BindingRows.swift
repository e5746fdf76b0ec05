extension Formulation {
    /// This formulation without the capacity rows that cannot bind: those whose columns, each at its
    /// upper bound, stay within the row's limit. What `build` leaves out unless asked to keep every
    /// capacity row, so `build(network, keepAllCapacityRows: true).droppingRowsThatCannotBind()`
    /// equals `build(network)` — the same LP, row for row and entry for entry — without a second
    /// build (the resilience engine needs both).
    public func droppingRowsThatCannotBind() -> Formulation {
        // Each row's reach, summed in entry order: the order the builder sums it in.
        var reach = [Double](repeating: 0, count: program.numberOfRows)
        for k in program.entryValue.indices {
            reach[Int(program.entryRow[k])] += program.entryValue[k] * program.columnUpper[Int(program.entryColumn[k])]
        }
        let keep = rows.kind.indices.map { i in rows.kind[i] == .balance || reach[i] > program.rowUpper[i] }
        var result = self
        result.program = program.keepingRows(keep)
        func kept<T>(_ values: [T]) -> [T] { values.indices.filter { keep[$0] }.map { values[$0] } }
        result.rows.kind = kept(rows.kind)
        result.rows.group = kept(rows.group)
        result.rows.place = kept(rows.place)
        result.rows.period = kept(rows.period)
        result.rows.dimension = kept(rows.dimension)
        return result
    }
}
