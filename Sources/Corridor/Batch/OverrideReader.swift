/// Reads override objects (`{kind: scale_quantities, value: 1.5}`) and sweeps
/// (`{kind: scale_quantities, range: [0.5, 2.0, 0.25]}` or `values: [...]`) from a manifest.
enum OverrideReader {
    static let keys = ["kind", "value", "movements", "link", "from", "to"]

    /// The fields each kind takes besides `kind`. A field of another kind (`link` on
    /// scale_quantities, `value` on remove_link) would be ignored in silence, like a typo: it is an
    /// error (contract §1's rule for unknown keys).
    static let fields: [String: [String]] = [
        "scale_quantities": ["value", "movements"], "shift_release": ["value", "movements"],
        "shift_due": ["value", "movements"], "link_capacity": ["value", "link"], "remove_link": ["link"],
        "close_border": ["from", "to"], "customs_delay": ["value", "from", "to"], "horizon": ["value"],
    ]

    /// An override's fields other than `value`, read (and reported) once: a sweep builds one override
    /// per value from it.
    private struct Template {
        var kind: String
        var movements: [String]?
        var link: String?
        var from: String?
        var to: String?

        /// Kinds without a value (`remove_link`, `close_border`) cannot be swept.
        var takesValue: Bool { OverrideReader.fields[kind]?.contains("value") ?? false }
    }

    /// Reads `kind` and the fields its kind needs; nil (reported) when any is missing or unknown.
    private static func template(_ object: ObjectReader, log: DecodingLog) -> Template? {
        guard let kind = object.identifier("kind", required: true) else { return nil }
        guard ScenarioOverride.kinds.contains(kind) else {
            log.report(object.path("kind"), object.field("kind"),
                       "unknown override \"\(kind)\" (one of: \(ScenarioOverride.kinds.joined(separator: ", ")))")
            return nil
        }
        let own = fields[kind] ?? []
        var complete = true
        for key in keys where key != "kind" && !own.contains(key) && object.has(key) {
            log.report(object.path(key), object.field(key), key == "value" ? "\(kind) takes no value"
                       : "\(kind) has no \(key) (its fields: kind, \(own.joined(separator: ", ")))")
            complete = false
        }
        var template = Template(kind: kind)
        func required(_ key: String) -> String? {
            let value = object.identifier(key, required: true)
            if value == nil { complete = false }
            return value
        }
        switch kind {
        case "scale_quantities", "shift_release", "shift_due":
            template.movements = object.list("movements")?.enumerated().compactMap {
                log.identifier($1, "\(object.path("movements"))[\($0)]")
            }
        case "link_capacity", "remove_link":
            template.link = required("link")
        case "close_border", "customs_delay":
            template.from = required("from")
            template.to = required("to")
        default:
            break
        }
        return complete ? template : nil
    }

    /// The override `template` describes with `value` (nil for kinds without one); a bad value is
    /// reported at `path`/`node`.
    private static func make(_ template: Template, value: Double?, path: String, node: DocumentNode?,
                             log: DecodingLog) -> ScenarioOverride? {
        func integer() -> Int? {
            guard let value else { return nil }
            guard value.rounded() == value else {
                log.report(path, node, "must be a whole number, found \(PlanNumbers.plain(value))")
                return nil
            }
            guard abs(value) <= 1e9 else {
                log.report(path, node, "must be between -1000000000 and 1000000000, found \(PlanNumbers.plain(value))")
                return nil
            }
            return Int(value)
        }
        func check(_ valid: Bool, _ message: String) -> Bool {
            if !valid, let value { log.report(path, node, "\(message), found \(PlanNumbers.plain(value))") }
            return valid
        }
        switch template.kind {
        case "scale_quantities":
            guard let value, check(value > 0, "a quantity factor must be positive") else { return nil }
            return .scaleQuantities(value, movements: template.movements)
        case "shift_release": return integer().map { .shiftRelease($0, movements: template.movements) }
        case "shift_due": return integer().map { .shiftDue($0, movements: template.movements) }
        case "link_capacity":
            guard let link = template.link, let value, check(value >= 0, "a capacity factor must not be negative") else {
                return nil
            }
            return .scaleLinkCapacity(link: link, factor: value)
        case "remove_link": return template.link.map { .removeLink($0) }
        case "close_border":
            guard let from = template.from, let to = template.to else { return nil }
            return .closeBorder(from: from, to: to)
        case "customs_delay":
            guard let from = template.from, let to = template.to, let delay = integer(),
                  check(delay >= 0 && delay <= 1_000_000, "a delay must be between 0 and 1000000") else { return nil }
            return .customsDelay(from: from, to: to, delay: delay)
        case "horizon":
            guard let value, check(value >= 1 && value <= 1_000_000, "the horizon must be between 1 and 1000000"),
                  let periods = integer() else { return nil }
            return .horizon(periods)
        default:
            return nil
        }
    }

    /// One override (`{kind: …, value: …}`).
    static func read(_ node: DocumentNode, path: String, log: DecodingLog) -> ScenarioOverride? {
        guard let object = ObjectReader(node, path: path, allowed: keys, log: log),
              let template = template(object, log: log) else { return nil }
        let value = template.takesValue ? object.number("value", required: true, minimum: nil) : nil
        if template.takesValue, value == nil { return nil }
        return make(template, value: value, path: object.path("value"), node: object.field("value"), log: log)
    }

    /// A sweep: the override with each value of `values` or `range: [start, stop, step]` (stop inclusive).
    /// Its other fields are read once; a bad value is reported where it stands (`values[i]`, or `range`).
    static func sweep(_ node: DocumentNode, path: String, log: DecodingLog) -> [ScenarioOverride] {
        guard let object = ObjectReader(node, path: path, allowed: keys + ["values", "range"], log: log) else { return [] }
        let template = template(object, log: log)
        if let template, !template.takesValue {
            log.report(object.path("kind"), object.field("kind"), "\(template.kind) takes no value, so it cannot be swept")
        }
        var values: [(value: Double, path: String, node: DocumentNode?)] = []
        if object.has("values"), object.has("range") {
            log.report(object.path("range"), object.field("range"), "a sweep takes values or range, not both")
            return []
        }
        if let items = object.list("values") {
            if items.isEmpty { log.report(object.path("values"), object.field("values"), "a sweep needs at least one value") }
            values = items.enumerated().compactMap { index, item in
                let itemPath = "\(object.path("values"))[\(index)]"
                return log.number(item, itemPath, minimum: nil).map { ($0, itemPath, item) }
            }
        } else if let items = object.list("range") {
            guard items.count == 3,
                  let start = log.number(items[0], "\(object.path("range"))[0]", minimum: nil),
                  let stop = log.number(items[1], "\(object.path("range"))[1]", minimum: nil),
                  let step = log.number(items[2], "\(object.path("range"))[2]", minimum: nil) else {
                log.report(object.path("range"), object.field("range"), "expected [start, stop, step]")
                return []
            }
            guard step > 0, stop >= start, (stop - start) / step <= 100_000 else {
                log.report(object.path("range"), object.field("range"), "needs step > 0, stop ≥ start and at most 100000 values")
                return []
            }
            let count = Int(((stop - start) / step + 1e-9).rounded(.down))
            values = (0...count).map { (((start + Double($0) * step) * 1e9).rounded() / 1e9, object.path("range"), object.field("range")) }
        } else {
            log.report(path, node, "a sweep needs values or range")
            return []
        }
        if object.has("value") { log.report(object.path("value"), object.field("value"), "a sweep takes values or range, not value") }
        guard let template, template.takesValue else { return [] }
        return values.compactMap { make(template, value: $0.value, path: $0.path, node: $0.node, log: log) }
    }
}
