/// Something that can fail in a resilience analysis: one direction of a link, a hub (all its links)
/// or a border rule (the crossing closed: every link from one country into the other).
public struct FailureElement: Sendable, Hashable {
    /// What fails: a link direction, a hub with all its links, or a border rule (crossing closed).
    public enum Kind: String, Sendable, Codable {
        case link, hub, border
    }

    public var kind: Kind
    /// Link id, hub id, or `FROM→TO` for a border rule (`BorderRule.label`).
    public var id: String
    /// Hub ids of a link direction, countries of a border rule.
    public var from: String?
    public var to: String?
    /// The arcs the failure closes.
    public var arcs: [Int]
    /// Index into `Network.hubs` of a hub element (nil for the other kinds).
    public var hub: Int?
    /// Index into `Network.borderRules` of a border element (nil for the other kinds).
    public var rule: Int?

    /// "link rtm-ber NLRTM→DEBER", "hub PLWAW", "border DE→PL".
    public var label: String { Self.label(kind: kind, id: id, from: from, to: to) }

    /// The label of an element described by its parts (also used for report rows).
    public static func label(kind: Kind, id: String, from: String?, to: String?) -> String {
        switch kind {
        case .link: return "link \(id) \(from ?? "")→\(to ?? "")"
        case .hub: return "hub \(id)"
        case .border: return "border \(id)"
        }
    }

    /// Every element of a network: each link direction, each hub, each border rule direction.
    public static func all(in network: Network) -> [FailureElement] {
        var elements: [FailureElement] = []
        for (a, arc) in network.arcs.enumerated() {
            elements.append(FailureElement(kind: .link, id: network.links[arc.link].id, from: network.hubs[arc.from].id,
                                           to: network.hubs[arc.to].id, arcs: [a]))
        }
        for (i, hub) in network.hubs.enumerated() {
            let arcs = network.arcs.indices.filter { network.arcs[$0].from == i || network.arcs[$0].to == i }
            elements.append(FailureElement(kind: .hub, id: hub.id, from: nil, to: nil, arcs: arcs, hub: i))
        }
        for (r, rule) in network.borderRules.enumerated() {
            let arcs = network.arcs.indices.filter { network.arcs[$0].customs.rule == r }
            elements.append(FailureElement(kind: .border, id: rule.label, from: rule.from, to: rule.to,
                                           arcs: arcs, rule: r))
        }
        return elements
    }

    /// The names of a comma-separated list (`--elements`): `\,` is a comma inside a name and `\\`
    /// a backslash, so ids holding commas can be named.
    public static func names(inList list: String) -> [String] {
        var names: [String] = []
        var current = ""
        var escaped = false
        for character in list {
            if escaped {
                if character != "," && character != "\\" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        names.append(current)
        return names
    }

    /// The elements named on a command line: a link id (all its directions), a hub id, or a border
    /// rule as `FROM-TO`, `FROM>TO` or `FROM→TO`; `link:`, `hub:` or `border:` in front settles a
    /// name that is several things (one prefix: `link:hub:X` is the link `hub:X`). Unknown names,
    /// and names of several kinds without a prefix, are an `InputError`.
    public static func named(_ names: [String], in network: Network, source: String = "--elements")
        throws(InputError) -> [FailureElement] {
        guard names.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            // `--elements ''` is a mistake, not "all elements".
            throw InputError(file: source, message: "names no element (give link, hub or border rule ids, comma-separated)")
        }
        let all = all(in: network)
        var selected: [FailureElement] = []
        var problems: [Diagnostic] = []
        for raw in names {
            var name = raw.trimmingCharacters(in: .whitespaces)
            var kinds: [Kind] = [.link, .hub, .border]
            // One prefix at most: `link:hub:X` is the link whose id is `hub:X`.
            if let kind = [Kind.link, .hub, .border].first(where: { name.hasPrefix("\($0.rawValue):") }) {
                kinds = [kind]
                name.removeFirst(kind.rawValue.count + 1)
            }
            // A border as FROM-TO, FROM>TO or FROM→TO, compared whole: countries may hold "-" (GB-SCT).
            let matches = all.filter { element in
                guard kinds.contains(element.kind) else { return false }
                guard element.kind == .border, let from = element.from, let to = element.to else { return element.id == name }
                return ["-", ">", "→"].contains { name == from + $0 + to }
            }
            let path = raw.trimmingCharacters(in: .whitespaces)
            if matches.isEmpty {
                problems.append(Diagnostic(file: source, path: path, message: "no link, hub or border rule of that name"))
                continue
            }
            var kindsFound: [Kind] = []
            for match in matches where !kindsFound.contains(match.kind) { kindsFound.append(match.kind) }
            if kindsFound.count > 1 {
                problems.append(Diagnostic(file: source, path: path, message: "is a "
                    + kindsFound.map(\.rawValue).joined(separator: " and a ") + "; say which: "
                    + kindsFound.map { "\($0.rawValue):\(name)" }.joined(separator: " or ")))
                continue
            }
            for match in matches where !selected.contains(match) { selected.append(match) }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return selected
    }
}
