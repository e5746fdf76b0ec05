@testable import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// `NetworkGenerator`: byte-identical output for the same parameters, valid networks of the size
/// asked for, and networks that exercise the model (late or unmet demand, binding border rules,
/// every kind of customs).
final class NetworkGeneratorTests: XCTestCase {
    private func document(_ parameters: NetworkGenerator.Parameters) -> String {
        NetworkGenerator(parameters).document()
    }

    private func decode(_ text: String, format: NetworkGenerator.Format = .yaml) throws -> Network {
        try Fixtures.network(text, file: format == .json ? "generated.json" : "generated.yaml")
    }

    func testSameParametersGiveIdenticalBytes() {
        for format in NetworkGenerator.Format.allCases {
            let parameters = NetworkGenerator.Parameters(size: .s, seed: 42, format: format)
            let first = document(parameters)
            let second = document(parameters)
            XCTAssertEqual(Data(first.utf8), Data(second.utf8), "\(format)")
            XCTAssertGreaterThan(first.utf8.count, 10_000)
        }
    }

    func testDifferentSeedsGiveDifferentNetworks() {
        let a = document(.init(size: .s, seed: 1))
        let b = document(.init(size: .s, seed: 2))
        XCTAssertNotEqual(a, b)
        let hubsA = a.split(separator: "\n").filter { $0.contains("{id: \"QM") }
        let hubsB = b.split(separator: "\n").filter { $0.contains("{id: \"QM") }
        XCTAssertNotEqual(hubsA, hubsB, "the layout itself changes, not only the name")
    }

    /// The bytes of a small network are pinned (FNV-1a digest), so a platform whose arithmetic or
    /// formatting differs shows up here. A deliberate change to the generator changes every
    /// generated benchmark network too: update the digest (and the benchmark baselines) on purpose.
    func testOutputIsPinned() {
        let text = document(.init(hubs: 8, links: 14, movements: 5, periods: 8, commodities: 3, seed: 5))
        XCTAssertTrue(text.hasPrefix("# Generated network (seed 5: 8 hubs, 14 links, 5 movements, 8 periods)\n"))
        XCTAssertEqual(text.split(separator: "\n").count, 49)
        XCTAssertEqual(text.utf8.count, 5263)
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        XCTAssertEqual(String(digest, radix: 16), "73231f6abd9e66ef")
    }

    func testYAMLAndJSONDescribeTheSameNetwork() throws {
        let yaml = try decode(document(.init(size: .s, seed: 3, format: .yaml)))
        let json = try decode(document(.init(size: .s, seed: 3, format: .json)), format: .json)
        XCTAssertEqual(yaml.name, json.name)
        XCTAssertEqual(yaml.commodities, json.commodities)
        XCTAssertEqual(yaml.hubs, json.hubs)
        XCTAssertEqual(yaml.links, json.links)
        XCTAssertEqual(yaml.arcs, json.arcs)
        XCTAssertEqual(yaml.borderRules, json.borderRules)
        XCTAssertEqual(yaml.agreements, json.agreements)
        XCTAssertEqual(yaml.customsDefault, json.customsDefault)
        XCTAssertEqual(yaml.movements, json.movements)
    }

    func testJSONIsPlainJSON() throws {
        let text = document(.init(size: .s, seed: 9, format: .json))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual((object?["hubs"] as? [Any])?.count, 50)
        XCTAssertEqual(object?["periods"] as? Int, 20)
    }

    func testSmallNetworkPlansOptimallyAndVerifies() throws {
        let network = try decode(document(.init(size: .s, seed: 1)))
        let result = try Planner.plan(network)
        XCTAssertEqual(result.plan.status, "optimal")
        XCTAssertTrue(result.verification.isValid)
        let summary = result.plan.summary
        XCTAssertGreaterThan(summary.late + summary.unmet, 0, "capacities are tight enough that some demand is late or unmet")
        XCTAssertGreaterThan(summary.delivered, 0.5 * summary.quantity, "most demand still arrives")
        let bindingBorders = (result.plan.bottlenecks ?? []).filter { $0.kind == .border }
        XCTAssertFalse(bindingBorders.isEmpty, "at least one border rule binds")
    }

    func testPrunedMatchesLiteralOnASmallGeneratedNetwork() throws {
        let network = try decode(document(.init(hubs: 12, links: 30, movements: 12, periods: 10, seed: 4)))
        let pruned = try Planner.plan(network, options: PlanningOptions(mode: .pruned))
        let literal = try Planner.plan(network, options: PlanningOptions(mode: .literal))
        XCTAssertEqual(pruned.plan.objective, literal.plan.objective, accuracy: 1e-6 * max(1, abs(literal.plan.objective)))
    }

    func testSizesAreRoughlyAsAsked() throws {
        for size in [NetworkGenerator.Size.s, .m] {
            let parameters = NetworkGenerator.Parameters(size: size, seed: 11)
            let network = try decode(document(parameters))
            XCTAssertEqual(network.hubs.count, parameters.hubs, "\(size)")
            XCTAssertEqual(network.movements.count, parameters.movements, "\(size)")
            XCTAssertEqual(network.periods, parameters.periods, "\(size)")
            XCTAssertEqual(network.commodities.count, parameters.commodities, "\(size)")
            XCTAssertGreaterThanOrEqual(network.links.count, parameters.links * 9 / 10, "\(size)")
            XCTAssertLessThanOrEqual(network.links.count, parameters.links, "\(size)")
            let columns = try Formulation.build(network).program.numberOfColumns
            switch size {
            case .s: XCTAssertTrue((2000...20_000).contains(columns), "S has \(columns) columns")
            default: XCTAssertTrue((20_000...150_000).contains(columns), "M has \(columns) columns")
            }
        }
    }

    func testNetworksUseEveryFeature() throws {
        let network = try decode(document(.init(size: .m, seed: 5)))
        XCTAssertGreaterThanOrEqual(network.countries.count, 4)
        XCTAssertEqual(Set(network.arcs.map(\.mode)), ["road", "rail", "sea", "air"])
        XCTAssertTrue(network.links.contains { $0.bothWays })
        XCTAssertTrue(network.links.contains { !$0.bothWays })
        XCTAssertTrue(network.arcs.contains { $0.transit == 0 })
        XCTAssertTrue(network.arcs.contains { $0.openFirst > 0 || $0.openLast < network.periods - 1 })
        XCTAssertTrue(network.arcs.contains { !$0.carries.allSatisfy { $0 } })
        XCTAssertTrue(network.hubs.contains { $0.storage.values.contains { $0.isFinite } })
        XCTAssertTrue(network.hubs.contains { $0.handling.values.contains { $0.isFinite } })
        XCTAssertTrue(network.commodities.contains { $0.uses.values.filter { $0 > 0 }.count >= 2 },
                      "some commodity uses several dimensions")
        XCTAssertFalse(network.agreements.isEmpty)
        XCTAssertTrue(network.borderRules.contains { !$0.capacity.values.allSatisfy(\.isInfinite) })
        XCTAssertTrue(network.borderRules.contains { Set($0.delay).count > 1 }, "delay_by_commodity")
        var sources: Set<String> = []
        for arc in network.arcs {
            switch arc.customs.source {
            case .domestic: sources.insert("domestic")
            case .agreement: sources.insert("agreement")
            case .rule(let r):
                let rule = network.borderRules[r]
                let members = network.agreements.contains { $0.members.contains(rule.from) && $0.members.contains(rule.to) }
                sources.insert(members ? "rule beating an agreement" : "rule")
            case .standard: sources.insert("default")
            }
        }
        XCTAssertEqual(sources, ["domestic", "agreement", "rule", "rule beating an agreement", "default"])
    }

    /// Asking for far more links than the hubs have room for stops once draws stop adding any, and
    /// the network is still valid and deterministic.
    func testMoreLinksThanRoomStopsDrawing() throws {
        let parameters = NetworkGenerator.Parameters(hubs: 40, links: 1_000_000, movements: 5, periods: 6, seed: 2)
        let first = NetworkGenerator(parameters).generate()
        XCTAssertLessThan(first.links, 1000, "40 hubs have room for a few hundred links")
        XCTAssertEqual(NetworkGenerator(parameters).generate().document, first.document)
        XCTAssertNoThrow(try decode(first.document))
    }

    /// Two hubs, each alone in its country, have room for a road, a rail and perhaps a sea or air
    /// link between them: asking for 1 or 2 gave none ("2 hubs have room for no more").
    func testTwoHubsGetTheLinksThereIsRoomFor() throws {
        var made: [Int] = []
        for links in [1, 2, 3, 10, 1000] {
            let result = NetworkGenerator(.init(hubs: 2, links: links, movements: 2, periods: 5, seed: 1)).generate()
            XCTAssertNoThrow(try decode(result.document))
            made.append(result.links)
        }
        XCTAssertEqual(Array(made.prefix(2)), [1, 2])
        XCTAssertGreaterThanOrEqual(made[2], 2)
        XCTAssertEqual(Set(made.suffix(3)).count, 1, "beyond the room there is, asking for more changes nothing: \(made)")
    }

    func testTinyAndOddParametersStillGiveValidNetworks() throws {
        let cases: [NetworkGenerator.Parameters] = [
            .init(hubs: 2, links: 0, movements: 1, periods: 2, commodities: 1, seed: 1),
            .init(hubs: 2, links: 1, movements: 3, periods: 2, commodities: 1, seed: 2),
            .init(hubs: 3, links: 2, movements: 2, periods: 3, commodities: 2, seed: 3),
            .init(hubs: 5, links: 40, movements: 4, periods: 5, commodities: 9, seed: 4),
            .init(hubs: 30, links: 10, movements: 20, periods: 6, commodities: 12, seed: 5),
            .init(hubs: 60, links: 400, movements: 30, periods: 4, commodities: 3, seed: 6, format: .json),
        ]
        for parameters in cases {
            let network = try decode(document(parameters), format: parameters.format)
            XCTAssertEqual(network.hubs.count, parameters.hubs)
            XCTAssertEqual(network.movements.count, parameters.movements)
            XCTAssertLessThanOrEqual(network.links.count, parameters.links)
            _ = try Planner.plan(network)
        }
    }

    func testInvalidParametersAreReported() {
        XCTAssertFalse(NetworkGenerator.Parameters(hubs: 1, links: 0, movements: 1, periods: 5).problems.isEmpty)
        XCTAssertFalse(NetworkGenerator.Parameters(hubs: 5, links: 0, movements: 0, periods: 5).problems.isEmpty)
        XCTAssertFalse(NetworkGenerator.Parameters(hubs: 5, links: 0, movements: 1, periods: 1).problems.isEmpty)
        XCTAssertFalse(NetworkGenerator.Parameters(hubs: 5, links: -1, movements: 1, periods: 5).problems.isEmpty)
        XCTAssertTrue(NetworkGenerator.Parameters(size: .xl).problems.isEmpty)
        XCTAssertEqual(NetworkGenerator.Parameters(hubs: 20_001, links: 0, movements: 1, periods: 5).problems,
                       ["hubs must be between 2 and 20000"], "generation is quadratic in the hubs of a country")
        XCTAssertTrue(NetworkGenerator.Parameters(hubs: 20_000, links: 0, movements: 1, periods: 5).problems.isEmpty)
    }

    func testNumbersAreFormattedFromIntegers() {
        XCTAssertEqual(GeneratedNumber.format(0.1), "0.1")
        XCTAssertEqual(GeneratedNumber.format(3), "3")
        XCTAssertEqual(GeneratedNumber.format(-4.25, decimals: 4), "-4.25")
        XCTAssertEqual(GeneratedNumber.format(51.95, decimals: 4), "51.95")
        XCTAssertEqual(GeneratedNumber.format(0.00005, decimals: 4), "0.0001")
        XCTAssertEqual(GeneratedNumber.format(12.0504, decimals: 4), "12.0504")
        XCTAssertEqual(GeneratedNumber.format(1e9 + 0.5, decimals: 2), "1000000000.5")
    }
}
