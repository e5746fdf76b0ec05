import Foundation
import XCTest
@testable import CorridorLP

/// Shared builders and helpers for the CorridorLP tests.
enum Fixtures {
    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ `secondRHS`,  x ≤ 3 (a row),  x, y ≥ 0.
    /// Optimum x = 3, y = 1, objective 11. With `secondRHS == 6` the vertex is degenerate.
    static func smallMax(secondRHS: Double = 6) -> LinearProgram {
        var lp = LinearProgram(name: "small_max", sense: .maximize)
        let x = lp.addColumn(lower: 0, upper: .infinity, objective: 3, name: "x")
        let y = lp.addColumn(lower: 0, upper: .infinity, objective: 2, name: "y")
        let capacity = lp.addRow(upper: 4, name: "capacity")
        let labour = lp.addRow(upper: secondRHS, name: "labour")
        let xLimit = lp.addRow(upper: 3, name: "x_limit")
        lp.addEntry(row: capacity, column: x, value: 1)
        lp.addEntry(row: capacity, column: y, value: 1)
        lp.addEntry(row: labour, column: x, value: 1)
        lp.addEntry(row: labour, column: y, value: 3)
        lp.addEntry(row: xLimit, column: x, value: 1)
        return lp
    }

    /// min 2x + 3y + 5z + 1.5  s.t.  x + y + z = 10,  x − z = 2,  x + y ≥ 5,  x, y, z ≥ 0.
    /// Optimum x = 2, y = 8, z = 0, objective 29.5; duals (3, −1, 0); reduced costs (0, 0, 1).
    static func equalityMin() -> LinearProgram {
        var lp = LinearProgram(name: "equality_min", sense: .minimize, objectiveConstant: 1.5)
        let x = lp.addColumn(objective: 2, name: "x")
        let y = lp.addColumn(objective: 3, name: "y")
        let z = lp.addColumn(objective: 5, name: "z")
        let total = lp.addRow(lower: 10, upper: 10, name: "total")
        let balance = lp.addRow(lower: 2, upper: 2, name: "balance")
        let floor = lp.addRow(lower: 5, name: "floor")
        lp.addEntry(row: total, column: x, value: 1)
        lp.addEntry(row: total, column: y, value: 1)
        lp.addEntry(row: total, column: z, value: 1)
        lp.addEntry(row: balance, column: x, value: 1)
        lp.addEntry(row: balance, column: z, value: -1)
        lp.addEntry(row: floor, column: x, value: 1)
        lp.addEntry(row: floor, column: y, value: 1)
        return lp
    }

    /// Two columns with identical matrix columns, x and y at `costs`: each row is
    /// `lower ≤ x + y ≤ upper`. A basis with both columns basic is singular; rows x + y ≤ 1 and
    /// x + y ≥ 2 make it infeasible.
    static func twinColumns(costs: [Double] = [1, 2], rows: [(lower: Double, upper: Double)]) -> LinearProgram {
        var lp = LinearProgram(sense: .minimize)
        let x = lp.addColumn(objective: costs[0])
        let y = lp.addColumn(objective: costs[1])
        for bounds in rows {
            let row = lp.addRow(lower: bounds.lower, upper: bounds.upper)
            lp.addEntry(row: row, column: x, value: 1)
            lp.addEntry(row: row, column: y, value: 1)
        }
        return lp
    }

    /// A transportation problem: ship from `sources` depots (supply rows `Σ ≤ supply`) to
    /// `sinks` customers (demand rows `Σ ≥ demand`) at pseudo-random costs. Total demand is
    /// about 80 % of total supply, so the problem is feasible. Column `s * sinks + d` is the
    /// route from source `s` to sink `d`; rows are sources first, then sinks.
    static func transportation(sources: Int, sinks: Int, seed: UInt64 = 42) -> LinearProgram {
        var random = SplitMix64(seed: seed)
        var lp = LinearProgram(name: "transport", sense: .minimize)
        lp.reserve(rows: sources + sinks, columns: sources * sinks, nonZeros: 2 * sources * sinks)
        let supplies = (0..<sources).map { _ in Double(50 + random.next() % 50) }
        let totalDemand = 0.8 * supplies.reduce(0, +)
        for s in 0..<sources { lp.addRow(upper: supplies[s], name: "supply_\(s)") }
        for d in 0..<sinks { lp.addRow(lower: (totalDemand / Double(sinks)).rounded(.down), name: "demand_\(d)") }
        for s in 0..<sources {
            for d in 0..<sinks {
                let cost = 1 + Double(random.next() % 1_000_000) / 50_000
                let j = lp.addColumn(lower: 0, upper: .infinity, objective: cost, name: "ship_\(s)_\(d)")
                lp.addEntry(row: s, column: j, value: 1)
                lp.addEntry(row: sources + d, column: j, value: 1)
            }
        }
        return lp
    }
}

/// A small deterministic generator (SplitMix64) so the instances are reproducible.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Element-wise comparison of two vectors with an absolute tolerance.
func assertEqual(
    _ actual: [Double], _ expected: [Double], accuracy: Double = 1e-7,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "length \(message)", file: file, line: line)
    for (k, (a, e)) in zip(actual, expected).enumerated() {
        XCTAssertEqual(a, e, accuracy: accuracy, "element \(k) \(message)", file: file, line: line)
    }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(
    _ expected: LPError, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws(LPError) -> T
) {
    do {
        _ = try body()
        XCTFail("expected \(expected) but nothing was thrown", file: file, line: line)
    } catch {
        XCTAssertEqual(error, expected, file: file, line: line)
    }
}

/// A fresh temporary directory, removed when the test ends.
func makeTemporaryDirectory(for test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("CorridorLPTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}
