import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// The README's five-minute tour must stay true: its network block plans to the objective it shows,
/// like datasets/tiny.yaml, whose header derives it by hand.
final class ReadmeTourTests: XCTestCase {
    func testTheTourNetworkPlansToTheObjectiveTheReadmeShows() throws {
        let readme = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let fence = "```yaml\n"
        let start = try XCTUnwrap(readme.range(of: fence + "periods: 6"))
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let yaml = String(readme[readme.index(start.lowerBound, offsetBy: fence.count)..<end.lowerBound])
        let tour = try Fixtures.plan(yaml).plan
        let tiny = try Planner.plan(NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))).plan
        XCTAssertEqual(tour.objective, 1790, accuracy: 1e-9)
        XCTAssertEqual(tiny.objective, 1790, accuracy: 1e-9)
        XCTAssertTrue(readme.contains("Objective: 1,790"))
        XCTAssertEqual(tour.movements.map(\.legs), tiny.movements.map(\.legs), "the tour is tiny.yaml without comments")
    }
}
