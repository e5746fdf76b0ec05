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

/// Small networks more than one test works out by hand.
enum HandNetworks {
    /// A ⇄ B both ways with transit 0 and no cost (a zero-time cycle, legal by §4.10), then B → C at
    /// 1 a unit; 6 units from A to C due in period 0: optimum 6.
    static let zeroTransitCycle = """
    periods: 2
    commodities: [{id: c}]
    hubs: [{id: A, country: X}, {id: B, country: X}, {id: C, country: X}]
    links:
      - {id: ab, from: A, to: B, transit: 0, both_ways: true}
      - {id: bc, from: B, to: C, transit: 0, cost: 1}
    movements: [{id: m, commodity: c, from: A, to: C, quantity: 6, due: 0}]
    """
}
