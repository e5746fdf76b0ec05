import Foundation

/// A batch of what-if scenarios, expanded: every sweep value and every glob match is one scenario
/// with a stable, readable id. Read it with `BatchManifest.load(path:)` (YAML or JSON; schema in
/// docs/schemas/batch-manifest.schema.json).
public struct BatchManifest: Sendable {
    public var scenarios: [BatchScenario]

    public init(scenarios: [BatchScenario]) {
        self.scenarios = scenarios
    }

    /// Reads and expands a manifest. Any structural problem is an `InputError` (exit 2, nothing run).
    public static func load(path: String) throws(InputError) -> BatchManifest {
        let document = try DocumentReader.read(path: path, kind: "batch manifest")
        // The manifest's real folder (symlinks resolved), so that `..` in its paths means what it
        // means to the file system.
        let folder = path == "-" ? FileManager.default.currentDirectoryPath
            : URL(fileURLWithPath: path).deletingLastPathComponent().path
        let directory = BatchFilePath.real(folder) ?? folder
        return try BatchManifestDecoder(file: path, directory: directory).decode(document)
    }

    /// The scenarios of shard `index` of `count` (0-based): every scenario whose position in the
    /// manifest is `index` modulo `count`. Deterministic, so shards never overlap and cover all.
    public func shard(_ index: Int, of count: Int) -> [BatchScenario] {
        scenarios.enumerated().filter { $0.offset % count == index }.map(\.element)
    }
}

/// One scenario: a network file and the overrides applied to it.
public struct BatchScenario: Sendable, Equatable {
    public var id: String
    /// The file to read (resolved against the manifest's folder).
    public var network: String
    /// The file as results name it: relative to the manifest's folder when the manifest gave a
    /// relative path or pattern, so that results do not depend on where the checkout lives.
    public var networkLabel: String
    public var overrides: [ScenarioOverride]

    public init(id: String, network: String, networkLabel: String? = nil, overrides: [ScenarioOverride]) {
        self.id = id
        self.network = network
        self.networkLabel = networkLabel ?? network
        self.overrides = overrides
    }
}

/// Reads a manifest document with the same field readers as networks (all problems at once).
struct BatchManifestDecoder {
    let file: String
    let directory: String

    func decode(_ document: DocumentNode) throws(InputError) -> BatchManifest {
        let log = DecodingLog(file: file)
        var scenarios: [BatchScenario] = []
        if let root = ObjectReader(document, path: "", allowed: ["name", "base", "scenarios"], log: log) {
            _ = root.string("name")  // a title for readers: checked to be text, not used
            let base = root.identifier("base").map(network(written:))
            if let items = root.list("scenarios", required: true) {
                if items.isEmpty { log.report("scenarios", root.field("scenarios"), "must list at least one scenario") }
                for (index, item) in items.enumerated() {
                    scenarios += scenario(item, path: "scenarios[\(index)]", base: base, log: log)
                }
            }
        }
        var seen: [String: Int] = [:]
        for (index, scenario) in scenarios.enumerated() {
            if let first = seen[scenario.id] {
                // Sweep ids write values to six decimal places: closer values share an id.
                let hint = scenario.id.contains("=") ? "; sweep ids keep six decimal places, so values less than 1e-6 apart share one" : ""
                log.report("scenarios", nil, "scenario id \"\(scenario.id)\" occurs twice (positions \(first) and \(index) after expansion)\(hint)")
            }
            seen[scenario.id] = index
        }
        if !log.diagnostics.isEmpty { throw InputError(log.diagnostics) }
        return BatchManifest(scenarios: scenarios)
    }

    private func resolvePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
    }

    /// The file the manifest wrote as `written`, and how results name it.
    private func network(written: String) -> (path: String, label: String) {
        let path = resolvePath(written)
        return (path, label(written: written, resolved: path))
    }

    /// How results name the file `resolved`, which the manifest wrote as `written` (a path or a glob):
    /// as resolved when written absolute, otherwise relative to the manifest's folder
    /// (`../datasets/x/network.yaml`).
    private func label(written: String, resolved: String) -> String {
        written.hasPrefix("/") ? resolved : relativeToManifest(resolved)
    }

    private func relativeToManifest(_ path: String) -> String {
        let from = URL(fileURLWithPath: directory).standardized.pathComponents
        let to = URL(fileURLWithPath: path).standardized.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private func scenario(_ node: DocumentNode, path: String, base: (path: String, label: String)?,
                          log: DecodingLog) -> [BatchScenario] {
        guard let object = ObjectReader(node, path: path, allowed: ["id", "network", "glob", "overrides", "sweep"], log: log) else {
            return []
        }
        let id = object.identifier("id", required: !object.has("glob"))
        var overrides: [ScenarioOverride] = []
        for (index, item) in (object.list("overrides") ?? []).enumerated() {
            if let override = OverrideReader.read(item, path: "\(object.path("overrides"))[\(index)]", log: log) {
                overrides.append(override)
            }
        }
        var networks: [(id: String?, path: String, label: String)] = []
        if let pattern = object.identifier("glob") {
            if object.has("network") { log.report(object.path("network"), object.field("network"), "give network or glob, not both") }
            let resolved = resolvePath(pattern)
            let matches = Glob.files(matching: resolved)
            if matches.isEmpty { log.report(object.path("glob"), object.field("glob"), "matches no file") }
            // Ids name each match by its path below the pattern's fixed leading directory.
            let wildcard = resolved.firstIndex { "*?[".contains($0) } ?? resolved.endIndex
            let fixed = resolved[..<wildcard].lastIndex(of: "/").map { String(resolved[...$0]) } ?? ""
            for match in matches {
                let relative = match.hasPrefix(fixed) ? String(match.dropFirst(fixed.count)) : match
                let stem = relative.hasSuffix(".yaml") || relative.hasSuffix(".json") || relative.hasSuffix(".yml")
                    ? String(relative[..<relative.lastIndex(of: ".")!]) : relative
                networks.append((id.map { "\($0)/\(stem)" } ?? stem, match,
                                 label(written: pattern, resolved: match)))
            }
        } else if let network = object.identifier("network").map(network(written:)) ?? base {
            networks.append((id, network.path, network.label))
        } else {
            log.report(object.path("network"), object.node, "no network: give network, glob, or a top-level base")
        }
        guard let sweepNode = object.field("sweep") else {
            return networks.compactMap { entry in
                entry.id.map { BatchScenario(id: $0, network: entry.path, networkLabel: entry.label, overrides: overrides) }
            }
        }
        let variations = OverrideReader.sweep(sweepNode, path: object.path("sweep"), log: log)
        var result: [BatchScenario] = []
        for entry in networks {
            guard let scenarioId = entry.id else { continue }
            for variation in variations {
                result.append(BatchScenario(id: "\(scenarioId)/\(variation.slug)", network: entry.path,
                                            networkLabel: entry.label, overrides: overrides + [variation]))
            }
        }
        return result
    }
}

/// File-name patterns (`*`, `?`, `[…]`) through the C library's glob(3), sorted.
enum Glob {
    static func files(matching pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let path = result.gl_pathv[index] { paths.append(String(cString: path)) }
        }
        return paths.sorted()
    }
}
