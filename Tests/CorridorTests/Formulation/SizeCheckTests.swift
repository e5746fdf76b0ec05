@testable import Corridor
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

    /// Built, a model is measured by its rows, columns and non-zeros before GLPK sees it: baltic at
    /// exactly its estimate is built, a byte less is refused with its size — although its column
    /// count alone passes.
    func testBuiltModelOverTheLimitIsRefusedBeforeGLPK() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("baltic-reinforcement/network.yaml"))
        let program = try Formulation.build(network).program
        let peak = SizeEstimate.peakBytes(of: program)
        XCTAssertEqual(peak, UInt64(program.numberOfRows) * 1_100 + UInt64(program.numberOfColumns) * 500
                       + UInt64(program.numberOfNonZeros) * 250)
        XCTAssertEqual(try Formulation.build(network, memoryLimit: peak).program, program)
        XCTAssertNoThrow(try Formulation.checkSize(network, memoryLimit: peak - 1))
        XCTAssertThrowsError(try Formulation.build(network, file: "b.yaml", memoryLimit: peak - 1)) { error in
            XCTAssertTrue("\(error)".hasPrefix("b.yaml: the LP is too large: \(program.numberOfRows) rows, "
                + "\(program.numberOfColumns) variables and \(program.numberOfNonZeros) non-zeros, an estimated "), "\(error)")
        }
    }

    /// The check before building never refuses a model the check after building accepts: per column
    /// it counts no more than a built model needs (every column has a non-zero).
    func testColumnCountAloneIsALowerBound() throws {
        var networks = try Fixtures.datasetFiles.map { try NetworkDecoder.load(path: $0) }
        for seed in 0..<20 {
            var random = RandomNetworks(seed: UInt64(seed))
            networks.append(try Fixtures.network(random.yaml()))
        }
        for network in networks {
            let program = try Formulation.build(network).program
            let exact = try Formulation.checkSize(network, exactAbove: 0)
            XCTAssertEqual(exact, program.numberOfColumns, network.name)
            XCTAssertLessThanOrEqual(UInt64(exact) * SizeEstimate.minimumBytesPerColumn, SizeEstimate.peakBytes(of: program))
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
