import CorridorLP
import CorridorTestSupport
import XCTest
@testable import Corridor

/// `Formulation.deliveryPeriod(ofColumn:in:)`, the delivery rule of both models, column by column on a
/// network small enough to list every column: A → B (transit 1) → C (transit 2), movement m from
/// A to C and n from A to B, so the arc into B delivers n's units but carries m's on.
final class FormulationDeliveryPeriodTests: XCTestCase {
    private let yaml = """
    periods: 5
    commodities: [{id: c}]
    hubs: [{id: A, country: X}, {id: B, country: X}, {id: C, country: X}]
    links: [{id: ab, from: A, to: B, transit: 1}, {id: bc, from: B, to: C, transit: 2}]
    movements:
      - {id: m, commodity: c, from: A, to: C, quantity: 10, due: 2, late_penalty: 10}
      - {id: n, commodity: c, from: A, to: B, quantity: 5, due: 1, late_penalty: 10}
    """

    /// Every column's name with its delivery period (nil: delivers nothing).
    private func deliveryPeriods(_ mode: Formulation.Mode) throws -> [String: Int?] {
        let network = try Fixtures.network(yaml)
        let formulation = try Formulation.build(network, mode: mode)
        var periods: [String: Int?] = [:]
        for j in 0..<formulation.program.numberOfColumns {
            periods[formulation.columnName(j)] = formulation.deliveryPeriod(ofColumn: j, in: network)
        }
        return periods
    }

    // Pruned: m (group 0) delivers from x on bc (arc 1), departing day 1 or 2, arriving day 3 or 4;
    // n (group 1) from x on ab (arc 0), arriving the day after it departs. m's flow on ab, the holds
    // and the unmet columns deliver nothing; there are no d columns.
    func testPrunedModelDeliversFlowArrivingAtTheGroupsDestination() throws {
        let expected: [String: Int?] = [
            "u_m0": nil, "u_m1": nil,
            "x_g0_a0_t0": nil, "x_g0_a0_t1": nil, "y_g0_h0_t0": nil, "y_g0_h1_t1": nil,
            "x_g0_a1_t1": 3, "x_g0_a1_t2": 4,
            "x_g1_a0_t0": 1, "x_g1_a0_t1": 2, "x_g1_a0_t2": 3, "x_g1_a0_t3": 4,
            "y_g1_h0_t0": nil, "y_g1_h0_t1": nil, "y_g1_h0_t2": nil,
        ]
        XCTAssertEqual(try deliveryPeriods(.pruned), expected)
    }

    // Literal: only the d columns deliver, in their own period; flow into the destination does not.
    func testLiteralModelDeliversOnlyThroughDeliveryColumns() throws {
        let periods = try deliveryPeriods(.literal)
        let delivering = periods.filter { $0.value != nil }
        XCTAssertEqual(delivering.mapValues { $0! }, [
            "d_g0_t0": 0, "d_g0_t1": 1, "d_g0_t2": 2, "d_g0_t3": 3, "d_g0_t4": 4,
            "d_g1_t0": 0, "d_g1_t1": 1, "d_g1_t2": 2, "d_g1_t3": 3, "d_g1_t4": 4,
        ])
        XCTAssertEqual(periods["x_g0_a1_t1"], .some(nil), "flow into C is not a delivery in the literal model")
        XCTAssertEqual(periods["x_g1_a0_t0"], .some(nil), "flow into B is not a delivery in the literal model")
    }

    /// The plan and the scenario metrics both read deliveries through the rule: they agree with the
    /// only optimum in both models (lateness is the only cost: m leaves A on day 0 and B on day 1,
    /// reaching C on day 3, a day late; n reaches B on day 1, on time).
    func testPlanAndMetricsReadTheSameDeliveries() throws {
        let network = try Fixtures.network(yaml)
        for mode in [Formulation.Mode.pruned, .literal] {
            let result = try Planner.plan(network, options: PlanningOptions(mode: mode))
            XCTAssertEqual(result.plan.movements.map { $0.deliveries.map(\.period) }, [[3], [1]], "\(mode)")
            XCTAssertEqual(result.plan.movements.map(\.onTime), [0, 5], "\(mode)")
            XCTAssertEqual(result.plan.movements.map(\.lateUnitPeriods), [10, 0], "\(mode)")
            // The LP solved again on its own (its optimum is unique), for the column values metrics read.
            let problem = try GLPKProblem(result.formulation.program)
            XCTAssertEqual(problem.solve(Planner.defaultSolverOptions), .optimal)
            let metrics = ScenarioMetrics.compute(network: network, formulation: result.formulation,
                                                  values: problem.primalValues(), objective: problem.objectiveValue)
            XCTAssertEqual(metrics.delivered, 15, "\(mode)")
            XCTAssertEqual(metrics.onTime, 5, "\(mode)")
            XCTAssertEqual(metrics.lateUnitPeriods, 10, "\(mode)")
            XCTAssertEqual(metrics.unmet, 0, "\(mode)")
        }
    }
}
