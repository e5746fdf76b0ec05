/// Text and CSV renderings of the resilience reports.
public enum ResilienceText {
    private static func pct(_ value: Double) -> String { value.isFinite ? Readable.percent(value) : "—" }
    private static func num(_ value: Double) -> String { value.isFinite ? Readable.number(value) : "—" }

    private static func baselineLine(_ baseline: ScenarioMetrics) -> String {
        "Baseline: objective \(num(baseline.objective)), delivered \(pct(baseline.deliveredPct)), "
            + "on time \(pct(baseline.onTimePct)), unmet \(num(baseline.unmet))"
    }

    public static func render(_ report: SingleFailureReport, limit: Int = 25) -> String {
        var lines = ["Resilience — single failures — \(report.network)", baselineLine(report.baseline),
                     "\(Readable.count(report.rows.count)) elements: \(Readable.count(report.solved)) re-solved (\(Readable.count(report.simplexIterations)) "
                        + "simplex iterations), \(Readable.count(report.skipped)) settled without a solve "
                        + "(they carry nothing in an optimal plan of the baseline, or of a smaller failure such as a "
                        + "hub's link: that plan stays optimal; or they leave the same LP as a failure that was solved)", ""]
        let header = ["rank", "element", "objective", "change", "delivered", "on time", "unmet", "late·periods",
                      "settled by"]
        let rows = report.rows.prefix(limit).enumerated().map { index, row in
            [String(index + 1), row.label, num(row.objective), num(row.objectiveChange), pct(row.deliveredPct),
             pct(row.onTimePct), num(row.unmet), num(row.lateUnitPeriods), row.samePlanAs ?? ""]
        }
        lines += Table(header: header, rows: rows, rightAligned: Set(2..<8)).lines()
        if report.rows.count > limit { lines.append("… \(report.rows.count - limit) more (see --format json or csv)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func csv(_ report: SingleFailureReport) -> String {
        var lines = ["rank,kind,id,from,to,status,objective,objective_change,delivered_pct,on_time_pct,unmet,"
                     + "late_unit_periods,skipped,same_plan_as,simplex_iterations"]
        for (index, row) in report.rows.enumerated() {
            lines.append([String(index + 1), row.kind.rawValue, row.id, row.from ?? "", row.to ?? "", row.status,
                          PlanNumbers.plain(row.objective), PlanNumbers.plain(row.objectiveChange),
                          PlanNumbers.plain(row.deliveredPct), PlanNumbers.plain(row.onTimePct), PlanNumbers.plain(row.unmet),
                          PlanNumbers.plain(row.lateUnitPeriods), row.skipped ? "true" : "false", row.samePlanAs ?? "",
                          String(row.simplexIterations)]
                .map(CSVReport.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func render(_ report: DegradeReport) -> String {
        let what = report.elements.isEmpty ? "Scaling every capacity" : "Scaling: \(report.elements.joined(separator: ", "))"
        let count = report.scaledCapacities == 0
            ? " — none of them has a finite capacity, so nothing is scaled and the curve is flat."
            : " (\(Readable.counted(report.scaledCapacities, "finite limit")) by element, period and dimension)."
        var lines = ["Resilience — capacity degradation — \(report.network)", baselineLine(report.baseline),
                     report.elements.isEmpty && report.scaledCapacities == 0
                         ? "Nothing to scale: the network has no finite capacity, so the curve is flat."
                         : what + count, ""]
        let rows = report.rows.map { row in
            [String(row.level), num(row.metrics.objective), pct(row.metrics.deliveredPct), pct(row.metrics.onTimePct),
             num(row.metrics.unmet), bar(row.metrics.deliveredPct)]
        }
        lines += Table(header: ["level", "objective", "delivered", "on time", "unmet", "delivered %"], rows: rows,
                       rightAligned: Set(0..<5)).lines()
        return lines.joined(separator: "\n") + "\n"
    }

    public static func csv(_ report: DegradeReport) -> String {
        var lines = ["level,status,objective,delivered_pct,on_time_pct,unmet,late_unit_periods"]
        for row in report.rows {
            let m = row.metrics
            lines.append("\(PlanNumbers.plain(row.level)),\(m.status),\(PlanNumbers.plain(m.objective)),"
                         + "\(PlanNumbers.plain(m.deliveredPct)),\(PlanNumbers.plain(m.onTimePct)),"
                         + "\(PlanNumbers.plain(m.unmet)),\(PlanNumbers.plain(m.lateUnitPeriods))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func bar(_ percent: Double) -> String {
        guard percent.isFinite else { return "" }
        return String(repeating: "█", count: Int((percent / 5).rounded()))
    }

    public static func render(_ report: RandomFailureReport) -> String {
        let how = report.failures.map { "\(Readable.counted($0, "random failure")) per trial" }
            ?? "each element failing with probability \(report.probability ?? 0)"
        var lines = ["Resilience — random failures — \(report.network)", baselineLine(report.baseline),
                     "\(Readable.count(report.trials)) trials (seed \(report.seed)), \(how); \(Readable.count(report.solved)) re-solves", ""]
        let bands: [(String, PercentileBand, Bool)] = [("delivered %", report.deliveredPct, true),
                                                       ("on time %", report.onTimePct, true),
                                                       ("unmet", report.unmet, false), ("objective", report.objective, false)]
        let rows = bands.map { name, band, percent in
            [name] + [band.p5, band.p50, band.p95, band.min, band.max, band.mean].map { percent ? pct($0) : num($0) }
        }
        lines += Table(header: ["measure", "p5", "p50", "p95", "min", "max", "mean"], rows: rows,
                       rightAligned: Set(1..<7)).lines()
        lines.append("")
        lines.append("Percentiles by the nearest-rank method over n = \(Readable.count(report.trials)) trials.")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func csv(_ report: RandomFailureReport) -> String {
        var lines = ["trial,failed,status,objective,delivered_pct,on_time_pct,unmet,skipped,same_plan_as"]
        for (index, trial) in report.samples.enumerated() {
            let m = trial.metrics
            lines.append([String(index + 1), trial.failed.joined(separator: "; "), m.status, PlanNumbers.plain(m.objective),
                          PlanNumbers.plain(m.deliveredPct), PlanNumbers.plain(m.onTimePct), PlanNumbers.plain(m.unmet),
                          trial.skipped ? "true" : "false", trial.samePlanAs ?? ""].map(CSVReport.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func render(_ report: WorstCaseReport) -> String {
        var lines = ["Resilience — worst \(report.k) failures — \(report.network)", baselineLine(report.baseline),
                     "Method: \(report.method) — \(report.note).",
                     "\(Readable.count(report.evaluated)) failure sets evaluated, \(Readable.count(report.solved)) re-solved.", ""]
        let rows = report.worst.enumerated().map { index, candidate in
            [String(index + 1), candidate.failed.joined(separator: " + "), num(candidate.metrics.objective),
             num(candidate.objectiveChange), pct(candidate.metrics.deliveredPct), pct(candidate.metrics.onTimePct),
             num(candidate.metrics.unmet), candidate.redundant.map { $0.isEmpty ? "—" : $0.joined(separator: " + ") } ?? "?"]
        }
        lines += Table(header: ["rank", "failed together", "objective", "change", "delivered", "on time", "unmet",
                                "adds nothing"],
                       rows: rows, rightAligned: Set(2..<7)).lines()
        return lines.joined(separator: "\n") + "\n"
    }

    public static func csv(_ report: WorstCaseReport) -> String {
        var lines = ["rank,failed,method,objective,objective_change,delivered_pct,on_time_pct,unmet,redundant"]
        for (index, candidate) in report.worst.enumerated() {
            let m = candidate.metrics
            lines.append([String(index + 1), candidate.failed.joined(separator: "; "), report.method,
                          PlanNumbers.plain(m.objective), PlanNumbers.plain(candidate.objectiveChange),
                          PlanNumbers.plain(m.deliveredPct), PlanNumbers.plain(m.onTimePct), PlanNumbers.plain(m.unmet),
                          candidate.redundant?.joined(separator: "; ") ?? ""]
                .map(CSVReport.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
