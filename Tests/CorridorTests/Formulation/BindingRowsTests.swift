import Corridor
import CorridorTestSupport
import XCTest

/// `droppingRowsThatCannotBind` turns the formulation that keeps every capacity row (resilience)
/// into exactly the one `build` makes by default (`corridor plan`), so the engine builds only one.
final class BindingRowsTests: XCTestCase {
    func testDatasetsAndRandomNetworks() throws {
        var networks: [(String, Network)] = []
        for name in ["tiny.yaml", "baltic-reinforcement/network.yaml", "earthquake-relief/network.yaml",
                     "pacific-partnership/network.yaml", "suwalki-gap/network.yaml"] {
            networks.append((name, try NetworkDecoder.load(path: Fixtures.dataset(name))))
        }
        for seed in 1...30 {
            var generator = RandomNetworks(seed: UInt64(seed))
            networks.append(("random seed \(seed)", try Fixtures.network(generator.yaml())))
        }
        var dropped = 0
        for (name, network) in networks {
            let all = try Formulation.build(network, keepAllCapacityRows: true)
            let planned = try Formulation.build(network)
            let derived = all.droppingRowsThatCannotBind()
            XCTAssertEqual(derived.program, planned.program, name)
            XCTAssertEqual(derived.rows.kind, planned.rows.kind, name)
            XCTAssertEqual(derived.rows.group, planned.rows.group, name)
            XCTAssertEqual(derived.rows.place, planned.rows.place, name)
            XCTAssertEqual(derived.rows.period, planned.rows.period, name)
            XCTAssertEqual(derived.rows.dimension, planned.rows.dimension, name)
            XCTAssertEqual(derived.columns.kind, planned.columns.kind, name)
            XCTAssertEqual(derived.groupColumns, planned.groupColumns, name)
            if all.program.numberOfRows > planned.program.numberOfRows { dropped += 1 }
        }
        // Not vacuous: most of these networks have rows that cannot bind.
        XCTAssertGreaterThan(dropped, networks.count / 2)
    }
}
