/// The plan's legs as CSV (one row per non-zero x[m, l, t]), for spreadsheets and scripts.
/// Columns: movement, commodity, link, from, to, mode, depart, arrive, quantity.
public enum CSVReport {
    public static let header = "movement,commodity,link,from,to,mode,depart,arrive,quantity"

    public static func render(_ plan: Plan) -> String {
        var lines = [header]
        for movement in plan.movements {
            for leg in movement.legs {
                lines.append([movement.id, movement.commodity, leg.link, leg.from, leg.to, leg.mode, String(leg.depart),
                              String(leg.arrive), PlanNumbers.plain(leg.quantity)].map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting when a field holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
