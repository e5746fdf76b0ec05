import Corridor
import CorridorTestSupport
import XCTest

/// Solves a hand-computed network with both the pruned and the literal model, checks that they agree,
/// and returns the pruned plan.
func solveBothModels(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> Plan {
    let pruned = try Fixtures.plan(yaml, mode: .pruned).plan
    let literal = try Fixtures.plan(yaml, mode: .literal).plan
    XCTAssertEqual(pruned.objective, literal.objective, accuracy: 1e-6, "pruned and literal models disagree",
                   file: file, line: line)
    return pruned
}

extension Plan {
    /// The plan of the movement with this id.
    func movement(_ id: String) -> MovementPlan {
        movements.first { $0.id == id }!
    }
}
