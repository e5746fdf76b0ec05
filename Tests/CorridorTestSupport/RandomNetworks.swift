import Corridor
import Foundation

/// Small seeded random networks (as YAML text) that exercise every feature of the model at once:
/// two or three countries, border rules with delays and capacities, an agreement, storage,
/// handling, holding costs, open windows, `carries`, `both_ways`, two dimensions, zero-transit
/// links. Used to check the pruned formulation against the literal one.
public struct RandomNetworks {
    private var generator: SeededGenerator

    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    private mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    public mutating func yaml() -> String {
        let periods = int(3...7)
        let hubCount = int(3...6)
        let countries = ["AA", "BB", "CC"].prefix(int(2...3))
        var lines = ["periods: \(periods)", "dimensions: [t, pax]",
                     "customs_default: {delay: \(int(0...1)), cost: {t: \(int(0...2))}}",
                     "commodities:",
                     "  - {id: cargo, uses: {t: 1}}",
                     "  - {id: people, uses: {pax: 1, t: 0.5}}",
                     "hubs:"]
        for h in 0..<hubCount {
            var hub = "  - {id: h\(h), country: \(countries[h % countries.count])"
            if chance(30) { hub += ", storage: {t: \(int(0...20))}" }
            if chance(30) { hub += ", handling: {t: \(int(5...30)), pax: \(int(5...30))}" }
            if chance(40) { hub += ", holding_cost: {t: \(int(0...2)), pax: \(int(0...3))}" }
            lines.append(hub + "}")
        }
        lines.append("links:")
        let linkCount = int(hubCount...(hubCount * 2))
        for l in 0..<linkCount {
            let from = int(0...(hubCount - 1))
            var to = int(0...(hubCount - 2))
            if to >= from { to += 1 }
            var link = "  - {id: l\(l), from: h\(from), to: h\(to), transit: \(int(0...2)), mode: \(["road", "rail", "air"][l % 3])"
            link += ", capacity: {t: \(int(3...25))\(chance(50) ? ", pax: \(int(2...15))" : "")}"
            link += ", cost: {t: \(int(0...4)), pax: \(int(0...3))}"
            if chance(25) {
                let first = int(0...(periods - 1))
                link += ", open: [\(first), \(first + int(0...periods))]"
            }
            if chance(15) { link += ", carries: [\(chance(50) ? "cargo" : "people")]" }
            if chance(40) { link += ", both_ways: true" }
            lines.append(link + "}")
        }
        lines.append("borders:")
        lines.append("  - {from: \(countries[0]), to: \(countries[1]), delay: \(int(0...2)), capacity: {t: \(int(5...30))}, cost: {t: \(int(0...3))}, delay_by_commodity: {people: \(int(0...1))}, both_ways: \(chance(50))}")
        if countries.count == 3 {
            lines.append("agreements:")
            lines.append("  - {name: union, members: [\(countries[1]), \(countries[2])]}")
        }
        lines.append("movements:")
        for m in 0..<int(2...5) {
            let from = int(0...(hubCount - 1))
            var to = int(0...(hubCount - 2))
            if to >= from { to += 1 }
            let release = int(0...(periods - 1))
            let due = release + int(0...periods)
            lines.append("  - {id: m\(m), commodity: \(chance(60) ? "cargo" : "people"), from: h\(from), to: h\(to), "
                         + "quantity: \(int(1...30)), release: \(release), due: \(due), "
                         + "late_penalty: \(int(0...20)), unmet_penalty: \(int(5...200))}")
        }
        // Interchangeable movements (same commodity, destination, due and late penalty, other
        // origins and releases) so that aggregation is exercised.
        if chance(60), let twin = lines.last(where: { $0.hasPrefix("  - {id: m") }) {
            for copy in 0..<int(1...3) {
                let from = int(0...(hubCount - 1))
                var fields = twin.replacingOccurrences(of: "{id: m", with: "{id: twin\(copy)m")
                if let range = fields.range(of: #"from: h\d+"#, options: .regularExpression) {
                    fields.replaceSubrange(range, with: "from: h\(from)")
                }
                if let range = fields.range(of: #"quantity: \d+"#, options: .regularExpression) {
                    fields.replaceSubrange(range, with: "quantity: \(int(1...30))")
                }
                if let range = fields.range(of: #"unmet_penalty: \d+"#, options: .regularExpression) {
                    fields.replaceSubrange(range, with: "unmet_penalty: \(int(5...200))")
                }
                if fields.contains("from: h\(from), to: h\(from)") { continue }
                lines.append(fields)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
