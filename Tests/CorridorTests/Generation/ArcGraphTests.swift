@testable import Corridor
import XCTest

/// `ArcGraph.earliest` (the generator's shortest transit times, compressed rows and a ring of
/// buckets) against a plain Bellman–Ford over the builder's links, on networks with arcs of time 0.
final class ArcGraphTests: XCTestCase {
    /// Earliest arrival at every hub by repeated relaxation of every link direction.
    private func reference(_ builder: GeneratorBuilder, from origin: Int, commodity k: Int, horizon: Int) -> [Int32] {
        var time = Array(repeating: Int.max, count: builder.hubs.count)
        time[origin] = 0
        var changed = true
        while changed {
            changed = false
            for link in builder.links where link.carries?.contains(k) ?? true {
                for (a, b) in link.bothWays ? [(link.from, link.to), (link.to, link.from)] : [(link.from, link.to)] {
                    guard time[a] != Int.max else { continue }
                    let delay = builder.customsDelay(from: builder.hubs[a].country, to: builder.hubs[b].country, commodity: k)
                    let arrival = time[a] + link.transit + delay
                    if arrival < horizon, arrival < time[b] {
                        time[b] = arrival
                        changed = true
                    }
                }
            }
        }
        return time.map { $0 == Int.max ? Int32.max : Int32($0) }
    }

    func testEarliestMatchesBellmanFord() {
        for seed: UInt64 in [1, 2, 3] {
            let parameters = NetworkGenerator.Parameters(hubs: 60, links: 200, movements: 1, periods: 12, commodities: 3, seed: seed)
            var builder = GeneratorBuilder(parameters: parameters, maximumSlack: 2)
            builder.build()
            XCTAssertTrue(builder.links.contains { $0.transit == 0 }, "arcs of time 0 are exercised (seed \(seed))")
            let graph = ArcGraph(builder: builder)
            for origin in stride(from: 0, to: builder.hubs.count, by: 7) {
                for k in 0..<builder.commodities.count {
                    for horizon in [1, 3, 12] {
                        let expected = reference(builder, from: origin, commodity: k, horizon: horizon)
                        XCTAssertEqual(graph.earliest(from: origin, commodity: k, horizon: horizon), expected,
                                       "seed \(seed), origin \(origin), commodity \(k), horizon \(horizon)")
                    }
                }
            }
        }
    }

    func testProgressCountsEveryMovementAndChangesNothing() {
        let parameters = NetworkGenerator.Parameters(size: .s, seed: 9)
        var heard: [Int] = []
        let withProgress = NetworkGenerator(parameters).generate { done, total in
            XCTAssertEqual(total, parameters.movements)
            heard.append(done)
        }
        XCTAssertEqual(heard, Array(1...parameters.movements))
        XCTAssertEqual(withProgress.document, NetworkGenerator(parameters).document())
    }
}
