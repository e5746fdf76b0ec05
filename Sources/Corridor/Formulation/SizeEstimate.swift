import Foundation

/// A count of the LP's columns and memory, made before the LP is built, so that a network whose
/// model cannot fit in memory is refused with a message instead of exhausting the machine (contract
/// §4.12). The quick bound ignores pruning; when it is over the limit, the exact count is taken.
struct SizeEstimate {
    var columns: Int = 0
    var bytes: UInt64 = 0

    /// Bytes per column of `corridor plan`'s peak resident memory: Corridor's arrays, GLPK's problem,
    /// its presolved copy and simplex working copy, and the exact check's rational copy (about a
    /// third of the total). Measured (`/usr/bin/time -f %M`, net of the ~40 MB process baseline):
    /// 1.3 KB on 500 k and 1.5 M-column models with 1.8 non-zeros per column, 1.6 KB on generated M
    /// (35 k columns, 3.5 per column); 2 KB leaves a margin. (It was 400 B, which let a 1.5 M-column
    /// model estimated at 600 MB pass the check in a 1 GiB container and be killed at 1 GiB.)
    static let bytesPerColumn: UInt64 = 2_000

    /// Three quarters of the memory this process may use (`MachineMemory.limit`: physical memory,
    /// or a container's control-group limit when that is lower).
    static var defaultMemoryLimit: UInt64 { MachineMemory.limit / 4 * 3 }

    init(network: Network, mode: Formulation.Mode, arcs: ArcTable) {
        let horizon = network.periods
        var total = 0
        for movement in network.movements {
            let span = horizon - movement.release
            var perMovement = 1 + network.hubs.count * max(0, span - 1) + (mode == .literal ? span : 0)
            for a in 0..<arcs.count {
                guard let travel = arcs.travel(a, movement.commodity) else { continue }
                let first = max(arcs.openFirst[a], movement.release)
                let last = min(arcs.openLast[a], horizon - 1 - travel)
                perMovement += max(0, last - first + 1)
            }
            total += perMovement
            if total > Int(Int32.max) { break }
        }
        columns = total
        bytes = UInt64(total) * Self.bytesPerColumn
        if total > Int(Int32.max) { bytes = .max }
    }

    /// The exact column count of the pruned model, from each flow group's time windows (costs one
    /// label-setting pass per group; used only when the quick bound above is over the limit).
    init(exact network: Network, groups: [FlowGroup], arcs: ArcTable) {
        var total = 0
        for group in groups {
            let windows = TimeWindows(network: network, group: group, mode: .pruned, arcs: arcs)
            let spans = VariableSpans(network: network, arcs: arcs, group: group, windows: windows, deliverOnArrival: true)
            total += group.movements.count
            for a in network.arcs.indices { total += spans.departures(on: a)?.count ?? 0 }
            for i in network.hubs.indices { total += spans.holds(at: i)?.count ?? 0 }
        }
        columns = total
        bytes = UInt64(total) * Self.bytesPerColumn
    }

    static func format(bytes: UInt64) -> String {
        let gib = Double(bytes) / Double(1 << 30)
        return gib >= 1 ? String(format: "%.1f GiB", gib) : String(format: "%.0f MiB", Double(bytes) / Double(1 << 20))
    }
}
