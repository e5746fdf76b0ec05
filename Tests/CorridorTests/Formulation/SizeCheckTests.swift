import Corridor
import CorridorTestSupport
import XCTest

/// `Formulation.checkSize`: the column bound `validate` reports for models too large to build, and the
/// refusal of models that cannot fit in memory (contract §4.12).
final class SizeCheckTests: XCTestCase {
    /// The bound is an upper bound: never below the built model's column count, on every dataset and on
    /// random networks.
    func testBoundIsNeverBelowTheBuiltModel() throws {
        var networks = try Fixtures.datasetFiles.map { try NetworkDecoder.load(path: $0) }
        for seed in 0..<20 {
            var random = RandomNetworks(seed: UInt64(seed))
            networks.append(try Fixtures.network(random.yaml()))
        }
        for network in networks {
            let bound = try Formulation.checkSize(network)
            XCTAssertGreaterThanOrEqual(bound, try Formulation.build(network).program.numberOfColumns, network.name)
        }
    }

    /// Over the memory limit, the model is refused with the file's name and without being built.
    func testModelOverTheLimitIsRefused() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
        XCTAssertThrowsError(try Formulation.checkSize(network, file: "b.yaml", memoryLimit: 1 << 20)) { error in
            XCTAssertTrue("\(error)".hasPrefix("b.yaml: the LP is too large"), "\(error)")
        }
    }
}
