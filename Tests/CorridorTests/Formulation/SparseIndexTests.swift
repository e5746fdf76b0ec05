@testable import Corridor
import CorridorTestSupport
import XCTest

/// The builder's indexes over (place, period) keys stay proportional to the model, not to
/// places × periods: a long horizon over many hubs (2,000 × 1,000,000) allocated gigabytes and
/// aborted before the LP, which is tiny, was built. Both forms of each index give the same LP.
final class SparseIndexTests: XCTestCase {
    func testBalanceRowIndexDenseAndHashedAgree() {
        var dense = BalanceRowIndex(hubs: 4, periods: 5)
        var hashed = BalanceRowIndex(hubs: 4, periods: 5, denseLimit: 0)
        XCTAssertTrue(dense.isDense)
        XCTAssertFalse(hashed.isDense)
        for index in [(0, 0, 7), (3, 4, 2), (1, 2, 0)] {
            dense.setRow(index.2, hub: index.0, period: index.1)
            hashed.setRow(index.2, hub: index.0, period: index.1)
        }
        for hub in 0..<4 {
            for period in 0..<5 {
                XCTAssertEqual(dense.row(hub: hub, period: period), hashed.row(hub: hub, period: period))
            }
        }
        XCTAssertEqual(hashed.row(hub: 3, period: 4), 2)
        XCTAssertEqual(hashed.row(hub: 1, period: 2), 0)
        XCTAssertNil(hashed.row(hub: 2, period: 2))
        dense.removeAll()
        hashed.removeAll()
        XCTAssertNil(dense.row(hub: 0, period: 0))
        XCTAssertNil(hashed.row(hub: 0, period: 0))
    }

    func testBalanceRowIndexOfAHugeNodeSpaceIsHashed() {
        // 2^40 nodes (and a product that overflows Int): a dense table could not be allocated.
        var huge = BalanceRowIndex(hubs: 1 << 20, periods: 1 << 20)
        XCTAssertFalse(huge.isDense)
        huge.setRow(5, hub: (1 << 20) - 1, period: (1 << 20) - 1)
        XCTAssertEqual(huge.row(hub: (1 << 20) - 1, period: (1 << 20) - 1), 5)
        XCTAssertFalse(BalanceRowIndex(hubs: Int.max / 2, periods: 3).isDense)
    }

    /// The sorted and counting-sort forms of `grouped` on seeded random entries added in column
    /// order, as the builder adds them, against a plain reference.
    func testGroupedByKeyMatchesAReference() {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<20 {
            let keyCount = round % 2 == 0 ? 50 : 1_000_000_000_000  // counting sort, then the sort
            let pool = (0..<30).map { _ in Int.random(in: 0..<keyCount, using: &generator) }
            var entries: [FormulationBuilder.CapacityEntry] = []
            for column in 0..<Int.random(in: 0..<200, using: &generator) {
                // One or two entries per column with different keys, as a flow adds to two hubs.
                for key in Set((0..<Int.random(in: 1...2, using: &generator)).map { _ in pool.randomElement(using: &generator)! }) {
                    entries.append(.init(key: key, column: column))
                }
            }
            let (keys, offsets, order) = FormulationBuilder.grouped(entries, keys: keyCount)
            let expectedKeys = Array(Set(entries.map(\.key))).sorted()
            XCTAssertEqual(keys, expectedKeys, "round \(round)")
            XCTAssertEqual(offsets.count, keys.count + 1)
            for (position, key) in keys.enumerated() {
                XCTAssertEqual(Array(order[offsets[position]..<offsets[position + 1]]),
                               entries.filter { $0.key == key }.map(\.column), "round \(round), key \(key)")
            }
        }
    }

    func testHashedBalanceRowsBuildTheSameLP() throws {
        for file in Fixtures.datasetFiles {
            let network = try NetworkDecoder.load(path: file)
            let groups = FlowGroup.groups(for: network, aggregate: true)
            var dense = FormulationBuilder(network: network, mode: .pruned, groups: groups)
            var hashed = FormulationBuilder(network: network, mode: .pruned, groups: groups, denseLimit: 0)
            let arcs = ArcTable(network)
            XCTAssertEqual(dense.build(arcs: arcs).program, hashed.build(arcs: arcs).program, file)
        }
    }

    /// 2,000 hubs over 1,000,000 periods with one link and one movement: a two-million-column LP
    /// that used to need 8 GB of indexes first (exit 134 under a memory limit).
    func testLongHorizonOverManyHubsBuilds() throws {
        var text = "periods: 1000000\ncommodities: [{id: c}]\nhubs:\n"
        for index in 0..<2_000 { text += "  - {id: h\(index), country: X}\n" }
        text += "links: [{id: l, from: h0, to: h1, transit: 1}]\n"
        text += "movements: [{id: m, commodity: c, from: h0, to: h1, quantity: 5, release: 999990}]\n"
        let document = try DocumentReader.parse(Data(text.utf8), file: "long.yaml", format: .yaml)
        let network = try NetworkDecoder.decode(document, file: "long.yaml")
        // The balance rows of this network are hashed, not a table of 2e9 entries.
        XCTAssertFalse(BalanceRowIndex(hubs: network.hubs.count, periods: network.periods).isDense)
        let formulation = try Formulation.build(network, file: "long.yaml")
        // From release 999,990: balance rows at h0 (10 periods) and h1 (9 arrivals), 10 holds at h0
        // less the last, 9 departures, 9 deliveries, one unmet column.
        XCTAssertLessThan(formulation.program.numberOfColumns, 40)
        let result = try Planner.plan(network)
        XCTAssertEqual(result.plan.objective, 0)
        XCTAssertEqual(result.plan.movements.first?.delivered, 5)
    }
}
