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

    /// `degrade` says how many finite limits it scales, and says so plainly when there are none (a
    /// hub without storage or handling limits printed "Scaling: hub KRN" over a flat curve).
    func testDegradeSaysWhatItScales() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let engine = try ResilienceEngine(network: network)
        let all = try ResilienceAnalysis.degrade(engine, levels: [1, 0.5], elements: nil)
        XCTAssertGreaterThan(all.scaledCapacities, 0)
        XCTAssertTrue(ResilienceText.render(all).contains(
            "Scaling every capacity (\(all.scaledCapacities) finite limits by element, period and dimension).\n"))
        let hub = try ResilienceAnalysis.degrade(engine, levels: [1, 0.5], elements: FailureElement.named(["hub:KRN"], in: network))
        XCTAssertEqual(hub.scaledCapacities, 0)
        XCTAssertEqual(hub.rows.map(\.metrics.objective), [engine.baseline.objective, engine.baseline.objective])
        XCTAssertTrue(ResilienceText.render(hub).contains(
            "Scaling: hub KRN — none of them has a finite capacity, so nothing is scaled and the curve is flat.\n"))
    }

    /// The other modes' CSVs: a header and one line per level, trial or candidate, with the
    /// report's values.
    func testDegradeRandomAndWorstCSVsMatchTheirReports() throws {
        let network = try NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))
        let engine = try ResilienceEngine(network: network)
        let elements = FailureElement.all(in: network)

        let degrade = try ResilienceAnalysis.degrade(engine, levels: [1, 0.5, 0], elements: nil)
        let degradeLines = ResilienceText.csv(degrade).split(separator: "\n").map(String.init)
        XCTAssertEqual(degradeLines.first, "level,status,objective,delivered_pct,on_time_pct,unmet,late_unit_periods")
        XCTAssertEqual(degradeLines.count, 1 + 3)
        for (line, row) in zip(degradeLines.dropFirst(), degrade.rows) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 7, line)
            XCTAssertEqual(Double(fields[0]), row.level)
            XCTAssertEqual(Double(fields[2]), row.metrics.objective)
            XCTAssertEqual(Double(fields[5]), row.metrics.unmet)
        }
        XCTAssertEqual(degradeLines[1], "1,optimal,1790,100,50.5263157895,0,128", "level 1 is the baseline")

        let random = try ResilienceAnalysis.random(engine, elements: elements, sampling: .count(2), trials: 20, seed: 3)
        let randomLines = ResilienceText.csv(random).split(separator: "\n").map(String.init)
        XCTAssertEqual(randomLines.first, "trial,failed,status,objective,delivered_pct,on_time_pct,unmet,skipped,same_plan_as")
        XCTAssertEqual(randomLines.count, 1 + 20)
        for (index, (line, trial)) in zip(randomLines.dropFirst(), random.samples).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(fields.count, 9, line)
            XCTAssertEqual(fields[0], String(index + 1))
            XCTAssertEqual(fields[1], trial.failed.joined(separator: "; "))
            XCTAssertEqual(Double(fields[3]), trial.metrics.objective)
            XCTAssertEqual(fields[7], trial.skipped ? "true" : "false")
        }

        let worst = try ResilienceAnalysis.worst(engine, elements: elements, k: 2)
        let worstLines = ResilienceText.csv(worst).split(separator: "\n").map(String.init)
        XCTAssertEqual(worstLines.first, "rank,failed,method,objective,objective_change,delivered_pct,on_time_pct,unmet,redundant")
        XCTAssertEqual(worstLines.count, 1 + worst.worst.count)
        XCTAssertGreaterThan(worst.worst.count, 0)
        for (line, candidate) in zip(worstLines.dropFirst(), worst.worst) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(fields.count, 9, line)
            XCTAssertEqual(fields[1], candidate.failed.joined(separator: "; "))
            XCTAssertEqual(fields[2], "exact")
            XCTAssertEqual(Double(fields[3]), candidate.metrics.objective)
        }
    }
}
