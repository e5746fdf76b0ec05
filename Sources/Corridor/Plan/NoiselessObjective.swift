import CorridorLP

/// The objective c·x + constant of an LP solution with the solver's rounding noise dropped: a column
/// value whose largest effect on any row is below 1e-12 is noise, not flow. Noise of 4.5e-15 units on
/// a leg that costs 4e9 a unit moved a printed objective 3.6e-6 off the optimum (a fuzz run found
/// it); judged by effect, not by value, 5e-13 units of a commodity that uses 1e12 t a unit stay a
/// real flow of 0.5 t. `plan` prints it, and resilience measures every scenario with it.
public struct NoiselessObjective: Sendable {
    static let noise = 1e-12

    private let costs: [Double]
    private let constant: Double
    /// max(1, largest |entry|) of each column.
    private let effect: [Double]

    public init(_ program: LinearProgram) {
        var effect = [Double](repeating: 1, count: program.numberOfColumns)
        for (j, value) in zip(program.entryColumn, program.entryValue) {
            effect[Int(j)] = max(effect[Int(j)], abs(value))
        }
        self.effect = effect
        costs = program.objective
        constant = program.objectiveConstant
    }

    /// c·x + constant over the columns of `values` that are not noise, summed in column order.
    public func value(at values: [Double]) -> Double {
        var total = constant
        for (j, cost) in costs.enumerated() where cost != 0 && abs(values[j]) * effect[j] >= Self.noise {
            total += cost * values[j]
        }
        return total
    }
}
