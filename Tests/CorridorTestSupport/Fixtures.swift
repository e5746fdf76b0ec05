import Corridor
import Foundation

/// Shared test fixtures: where the repository and its datasets are, and one-line helpers that turn
/// an inline YAML network into a validated `Network` or a verified plan.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func dataset(_ relativePath: String) -> String {
        repositoryRoot.appendingPathComponent("datasets").appendingPathComponent(relativePath).path
    }

    /// Every network file under datasets/.
    public static var datasetFiles: [String] {
        let root = repositoryRoot.appendingPathComponent("datasets")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let entry = enumerator?.nextObject() as? String {
            if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") {
                files.append(root.appendingPathComponent(entry).path)
            }
        }
        // Tests loop over these: an empty list (a moved folder) must fail them, not pass them vacuously.
        precondition(files.count >= 5, "datasets/ not found below \(root.path)")
        return files.sorted()
    }

    /// The smallest valid network: two hubs in two countries, one link, one movement (for tests that
    /// need a valid file next to a bad one, and as the base the decoding tests edit).
    public static let minimalYAML = """
    periods: 5
    commodities:
      - id: c
    hubs:
      - id: A
        country: X
      - id: B
        country: Y
    links:
      - id: l
        from: A
        to: B
        transit: 1
    movements:
      - id: m
        commodity: c
        from: A
        to: B
        quantity: 10
    """

    /// Decodes and validates an inline document (YAML unless it starts with `{`).
    public static func network(_ text: String, file: String = "test.yaml") throws -> Network {
        let document = try DocumentReader.parse(Data(text.utf8), file: file)
        return try NetworkDecoder.decode(document, file: file)
    }

    /// Plans an inline network (verified by the planner before it returns).
    public static func plan(_ text: String, mode: Formulation.Mode = .pruned) throws -> PlanningResult {
        try Planner.plan(network(text), options: PlanningOptions(mode: mode))
    }
}
