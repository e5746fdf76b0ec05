/// Seeded synthetic networks with the structure of real ones, for tests, benchmarks and demos
/// (`corridor generate`): clusters of hubs in a few countries (ports, airbases, depots, bases),
/// road and rail inside each country, fewer road/rail crossings between neighbouring countries,
/// long sea and air links, an agreement (customs union) with explicit border rules that beat it,
/// `customs_default` for everything else, several commodities with multi-dimension `uses`, and
/// capacities tight enough that some demand is late or unmet.
///
/// The same parameters give the same document byte for byte on every machine: every random
/// choice comes from `SeededGenerator`, nothing iterates a `Set` or `Dictionary`, geometry uses
/// only `+ − × ÷ √` on planar kilometres, and numbers are formatted from integers.
///
/// LP size: every movement is released so that its time window (release … horizon end) is its
/// shortest transit time plus a small slack (0 … `Parameters.slack` periods), as in an operation
/// with a fixed end date. That keeps the pruned LP near-linear in the number of movements (see
/// `Benchmarks/README.md` for the sizes the named presets give).
public struct NetworkGenerator: Sendable {
    /// The text format of the document.
    public enum Format: String, Sendable, CaseIterable {
        case yaml, json
    }

    /// Named sizes (`--size`): hubs, links, movements, periods.
    public enum Size: String, Sendable, CaseIterable {
        case s = "S", m = "M", l = "L", xl = "XL"
    }

    /// What to generate: counts of hubs, links, movements and periods, the seed and the rest.
    public struct Parameters: Sendable, Equatable {
        public var hubs: Int
        /// Declared links (a `both_ways` link counts once).
        public var links: Int
        public var movements: Int
        public var periods: Int
        public var commodities: Int
        /// Largest number of spare periods a movement gets beyond its shortest transit time (each
        /// draws 0…slack). The pruned LP grows quickly with it: about 5.6k, 35k and 120k columns for
        /// S, M and L at 2, about twice that at 3.
        public var slack: Int
        public var seed: UInt64
        public var format: Format
        /// Display name; nil for one made from the parameters.
        public var name: String?

        public init(hubs: Int, links: Int, movements: Int, periods: Int, commodities: Int = 5, slack: Int = 2,
                    seed: UInt64 = 1, format: Format = .yaml, name: String? = nil) {
            self.hubs = hubs
            self.links = links
            self.movements = movements
            self.periods = periods
            self.commodities = commodities
            self.slack = slack
            self.seed = seed
            self.format = format
            self.name = name
        }

        /// A named size: S = 50 hubs, 150 links, 100 movements, 20 periods; M = 150/500/400/30;
        /// L = 400/1500/1100/40; XL = 1000/4000/5000/60. Pruned LPs of about 5.6k, 35k, 120k and
        /// 680k columns; GLPK solves S in well under a second, M in seconds, L in a minute or two
        /// (Benchmarks/README.md has the measurements). L has 1100 rather than 1500 movements: with
        /// 1500 (170k columns) GLPK's primal simplex took more than 13 minutes.
        public init(size: Size, seed: UInt64 = 1, format: Format = .yaml) {
            switch size {
            case .s: self.init(hubs: 50, links: 150, movements: 100, periods: 20, seed: seed, format: format)
            case .m: self.init(hubs: 150, links: 500, movements: 400, periods: 30, seed: seed, format: format)
            case .l: self.init(hubs: 400, links: 1500, movements: 1100, periods: 40, seed: seed, format: format)
            case .xl: self.init(hubs: 1000, links: 4000, movements: 5000, periods: 60, seed: seed, format: format)
            }
        }

        /// Why these parameters cannot make a valid network; empty when they can.
        public var problems: [String] {
            var problems: [String] = []
            // Generation grows with the square of the hubs in a country (nearest-hub searches): 20,000
            // hubs take under a minute in a debug build; 100,000 took six minutes.
            if hubs < 2 || hubs > 20_000 { problems.append("hubs must be between 2 and 20000") }
            if links < 0 || links > 1_000_000 { problems.append("links must be between 0 and 1000000") }
            if movements < 1 || movements > 1_000_000 { problems.append("movements must be between 1 and 1000000") }
            if periods < 2 || periods > 10_000 { problems.append("periods must be between 2 and 10000") }
            if commodities < 1 || commodities > 100 { problems.append("commodities must be between 1 and 100") }
            if slack < 0 || slack > 10_000 { problems.append("slack must be between 0 and 10000") }
            return problems
        }
    }

    public let parameters: Parameters

    /// Largest slack (periods) between a movement's shortest transit time and its window.
    var maximumSlack: Int { min(parameters.periods - 1, parameters.slack) }

    public init(_ parameters: Parameters) {
        precondition(parameters.problems.isEmpty, "invalid generator parameters: \(parameters.problems)")
        self.parameters = parameters
    }

    /// The network document (YAML or JSON, as `parameters.format` says).
    public func document() -> String { generate().document }

    /// The document and how many links it declares: fewer than `parameters.links` when the hubs have
    /// no room for more (links join near neighbours, one per pair and mode), e.g. 3 hubs and 1000 links.
    /// `progress`, when given, hears (movements made, movements asked for) as movements are drawn —
    /// the long part with many hubs (each draw a shortest-path search): 20,000 hubs and a million
    /// movements take some 15 minutes.
    public func generate(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> (document: String, links: Int) {
        var builder = GeneratorBuilder(parameters: parameters, maximumSlack: maximumSlack)
        builder.progress = progress
        builder.build()
        return (builder.render(), builder.links.count)
    }

    /// The command line that makes this document.
    public var commandLine: String {
        let p = parameters
        var line = "corridor generate --hubs \(p.hubs) --links \(p.links) --movements \(p.movements) "
            + "--periods \(p.periods) --commodities \(p.commodities) --slack \(p.slack) --seed \(p.seed)"
        if p.format != .yaml { line += " --format \(p.format.rawValue)" }
        return line
    }
}
