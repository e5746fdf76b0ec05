import Foundation

/// Runs one batch scenario through the whole pipeline — read, override, validate, formulate,
/// solve, verify — and turns any failure into an error record instead of stopping the batch.
public enum BatchScenarioRunner {
    /// Runs `scenario`, reading its network file.
    public static func run(_ scenario: BatchScenario, options: PlanningOptions, timing: Bool) -> (BatchRecord, Plan?) {
        run(scenario, options: options, timing: timing, documents: BatchDocuments(scenarios: [scenario]))
    }

    /// Runs `scenario` on its network's document from `documents` (parsed once per batch run): the
    /// horizon override and decoding make this scenario's own network, which the other overrides change.
    static func run(_ scenario: BatchScenario, options: PlanningOptions, timing: Bool,
                    documents: BatchDocuments) -> (BatchRecord, Plan?) {
        let start = Date()
        do {
            var document = try documents.document(for: scenario)
            for case .horizon(let periods) in scenario.overrides {
                document = replacing("periods", with: DocumentNode(.number(Double(periods))), in: document)
            }
            var network = try NetworkDecoder.decode(document, file: scenario.networkLabel)
            for override in scenario.overrides { try override.apply(to: &network) }
            try ScenarioOverride.checkLimits(of: network)
            let result = try Planner.plan(network, options: options, file: scenario.networkLabel)
            let seconds = timing ? Date().timeIntervalSince(start) : nil
            return (BatchRecord(id: scenario.id, network: scenario.networkLabel, plan: result.plan, seconds: seconds), result.plan)
        } catch let error as InputError {
            return (BatchRecord(id: scenario.id, network: scenario.networkLabel, error: error.report(limit: 5)), nil)
        } catch {
            return (BatchRecord(id: scenario.id, network: scenario.networkLabel, error: "\(error)"), nil)
        }
    }

    private static func replacing(_ key: String, with value: DocumentNode, in document: DocumentNode) -> DocumentNode {
        guard case .map(var entries) = document.value else { return document }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].node = value
        } else {
            entries.append(.init(key: key, node: value))
        }
        return DocumentNode(.map(entries), line: document.line)
    }
}
