import Corridor
import CorridorTestSupport
import XCTest

/// The CSV of a single-failure sweep: one line per row, in rank order, the same values as the
/// report (and so as the JSON), iterations included.
final class ResilienceTextTests: XCTestCase {
    func testSingleFailureCSVMatchesTheReport() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let engine = try ResilienceEngine(network: network)
        let report = try ResilienceAnalysis.single(engine, elements: FailureElement.all(in: network))
        let lines = ResilienceText.csv(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "rank,kind,id,from,to,status,objective,objective_change,delivered_pct,on_time_pct,"
                       + "unmet,late_unit_periods,skipped,same_plan_as,simplex_iterations")
        XCTAssertEqual(lines.last, "", "ends with a newline")
        let body = lines.dropFirst().dropLast()
        XCTAssertEqual(body.count, report.rows.count)
        var iterations = 0
        for (index, (line, row)) in zip(body, report.rows).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(fields.count, 15, line)
            XCTAssertEqual(fields[0], String(index + 1))
            XCTAssertEqual(fields[1], row.kind.rawValue)
            XCTAssertEqual(fields[2], row.id)
            XCTAssertEqual(fields[3], row.from ?? "")
            XCTAssertEqual(fields[4], row.to ?? "")
            XCTAssertEqual(Double(fields[6]), row.objective)
            XCTAssertEqual(Double(fields[7]), row.objectiveChange)
            XCTAssertEqual(Double(fields[10]), row.unmet)
            XCTAssertEqual(fields[12], row.skipped ? "true" : "false")
            XCTAssertEqual(fields[13], row.samePlanAs ?? "")
            XCTAssertEqual(Int(fields[14]), row.simplexIterations)
            iterations += Int(fields[14]) ?? 0
        }
        XCTAssertEqual(iterations, report.simplexIterations)
        XCTAssertGreaterThan(iterations, 0)
        // tiny: the border NO→SE, hubs NVK and KRN leave everything unmet; the border is solved
        // (one iteration), the hubs share its LP.
        XCTAssertEqual(Array(body.prefix(3)), ["1,hub,NVK,,,optimal,190000,188210,0,0,190,0,true,border NO→SE,0",
                                               "2,hub,KRN,,,optimal,190000,188210,0,0,190,0,true,hub NVK,0",
                                               "3,border,NO→SE,NO,SE,optimal,190000,188210,0,0,190,0,false,,1"])
    }
}
