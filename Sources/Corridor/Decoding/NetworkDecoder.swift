import Foundation

/// Turns a parsed document into a validated `Network` (contract §1 and §4), reporting every
/// problem at once as `FILE: path.to.field: message`. Nothing invalid gets past it, so the
/// formulation and GLPK only ever see well-formed numbers and references.
public enum NetworkDecoder {
    /// Reads and validates a network file (`-` for standard input).
    public static func load(path: String) throws(InputError) -> Network {
        let document = try DocumentReader.read(path: path)
        return try decode(document, file: path)
    }

    /// Validates an already parsed document. `file` names the source in diagnostics and gives the
    /// default display name.
    public static func decode(_ document: DocumentNode, file: String) throws(InputError) -> Network {
        let log = DecodingLog(file: file)
        let network = Builder(log: log, file: file).build(document)
        if !log.diagnostics.isEmpty || network == nil {
            throw InputError(log.diagnostics.isEmpty
                ? [Diagnostic(file: file, path: "", message: "is not a valid network")]
                : inDocumentOrder(log.diagnostics))
        }
        return network!
    }

    /// The builder reads section by section, not in the order the file lists them; where lines are
    /// known (YAML), report in document order. The sort is stable, so diagnostics on one line (and
    /// JSON's, which have no lines) keep the order they were found in.
    static func inDocumentOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.allSatisfy({ $0.line != nil }) else { return diagnostics }
        return diagnostics.enumerated()
            .sorted { ($0.element.line!, $0.offset) < ($1.element.line!, $1.offset) }
            .map(\.element)
    }

    /// Reads the document top-down; each section lives in its own extension file.
    struct Builder {
        let log: DecodingLog
        let file: String

        static let topLevelKeys = ["name", "periods", "period_label", "dimensions", "commodities", "hubs",
                                   "links", "borders", "agreements", "customs_default", "movements"]

        func build(_ document: DocumentNode) -> Network? {
            guard let root = ObjectReader(document, path: "", allowed: Self.topLevelKeys, log: log) else {
                return nil
            }
            let periods = root.integer("periods", required: true, in: 1...1_000_000)
            let dimensions = readDimensions(root)
            let commodities = readCommodities(root, dimensions: dimensions)
            let hubs = readHubs(root, dimensions: dimensions)
            let customs = readCustoms(root, dimensions: dimensions, commodities: commodities)
            let horizon = periods ?? 1
            let (links, arcs) = readLinks(root, dimensions: dimensions, commodities: commodities, hubs: hubs,
                                          customs: customs, horizon: horizon)
            let movements = readMovements(root, commodities: commodities, hubs: hubs, horizon: horizon,
                                          periodsKnown: periods != nil)
            let name = root.text("name") ?? defaultName
            let periodLabel = root.text("period_label") ?? "day"
            guard let periods else { return nil }
            return Network(name: name, periods: periods, periodLabel: periodLabel, dimensions: dimensions,
                           commodities: commodities, hubs: hubs, links: links, arcs: arcs,
                           borderRules: customs.rules, agreements: customs.agreements,
                           customsDefault: customs.standard, movements: movements)
        }

        private var defaultName: String {
            file == "-" ? "stdin" : URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        }

        func readDimensions(_ root: ObjectReader) -> [String] {
            guard let items = root.list("dimensions") else { return ["t"] }
            var dimensions: [String] = []
            for (index, item) in items.enumerated() {
                let path = "dimensions[\(index)]"
                guard let name = log.identifier(item, path) else { continue }
                if dimensions.contains(name) {
                    log.report(path, item, "dimension \"\(name)\" is declared twice")
                } else {
                    dimensions.append(name)
                }
            }
            if items.isEmpty { log.report("dimensions", root.field("dimensions"), "must list at least one dimension") }
            return dimensions.isEmpty ? ["t"] : dimensions
        }

        /// Index of each id (the first, when an id repeats: duplicates are reported elsewhere), for `resolve`.
        func indexByID(_ ids: [String]) -> [String: Int] {
            Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Index of `id` in `table`, reporting an unknown reference.
        func resolve(_ id: String?, in table: [String: Int], what: String, path: String, node: DocumentNode?) -> Int? {
            guard let id else { return nil }
            if let index = table[id] { return index }
            log.report(path, node, "unknown \(what) \"\(id)\"")
            return nil
        }

        /// Reads a list of objects, calling `read` with each object's reader.
        func objects(_ root: ObjectReader, _ key: String, required: Bool, minimum: Int, allowed: [String],
                     _ read: (Int, ObjectReader) -> Void) {
            guard let items = root.list(key, required: required) else { return }
            if items.count < minimum {
                log.report(key, root.field(key), "must list at least \(minimum) (found \(items.count))")
            }
            for (index, item) in items.enumerated() {
                if let object = ObjectReader(item, path: "\(key)[\(index)]", allowed: allowed, log: log) {
                    read(index, object)
                }
            }
        }

        /// Reports a duplicate `id` and returns false for it. `table` maps each id to the path of the
        /// object that declared it first. Register an id before checking the object's other fields, so
        /// that a duplicate is reported even when the first object has other problems.
        func register(_ id: String, in table: inout [String: String], object: ObjectReader, what: String) -> Bool {
            if let previous = table[id] {
                log.report(object.path("id"), object.field("id"), "duplicate \(what) id \"\(id)\" (first used at \(previous))")
                return false
            }
            table[id] = object.path
            return true
        }
    }
}
