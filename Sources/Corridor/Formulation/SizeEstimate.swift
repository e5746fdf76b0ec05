import CorridorLP
import Foundation

/// The memory a model needs, estimated in two steps so that a network whose model cannot fit is
/// refused with a message instead of exhausting the machine (contract §4.12):
///
/// 1. Before the LP is built, from its column count alone (`init(network:…)`, a quick bound that
///    ignores pruning, then `init(exact:…)` when that is over the limit) at `minimumBytesPerColumn`,
///    a lower bound of step 2's figure: refuses models that cannot fit however few rows they have,
///    and keeps the build itself (a few hundred bytes a column) within the limit.
/// 2. Once it is built, before GLPK sees it, from its rows, columns and non-zeros
///    (`peakBytes(of:)`), which is what the memory really follows.
struct SizeEstimate {
    var columns: Int = 0
    var bytes: UInt64 = 0

    /// `corridor plan`'s peak resident memory per row, column and non-zero of its LP: Corridor's
    /// arrays, GLPK's problem, its presolved copy and simplex working copy with the LU factors, and
    /// the exact check's rational copy. Fitted to `/usr/bin/time -f %M` of `corridor plan`, net of
    /// the 28 MB a tiny plan takes, on four models of different shapes (rows, columns, non-zeros →
    /// measured, estimated): 3 hubs over 20,000 days with storage and link limits (140 k, 100 k,
    /// 260 k → 249 MB, 269 MB), the same without limits (40 k, 100 k, 160 k → 125 MB, 134 MB),
    /// generated M (20 k, 35 k, 125 k → 66 MB, 71 MB) and a generated 40-hub network at slack 8
    /// (28 k, 99 k, 354 k → 151 MB, 169 MB). Rows cost most (the LU factors and the exact check
    /// grow with them); per column alone the peaks ranged from 1.3 to 2.5 KB.
    static let bytesPerRow: UInt64 = 1_100
    static let bytesPerColumn: UInt64 = 500
    static let bytesPerNonZero: UInt64 = 250
    /// Every column has at least one non-zero, so no built model needs less than this per column.
    static let minimumBytesPerColumn = bytesPerColumn + bytesPerNonZero

    /// Three quarters of the memory this process may use (`MachineMemory.limit`: physical memory,
    /// or a container's control-group limit when that is lower).
    static var defaultMemoryLimit: UInt64 { MachineMemory.limit / 4 * 3 }

    /// Step 2: the estimated peak memory of solving `program` as `corridor plan` does.
    static func peakBytes(of program: LinearProgram) -> UInt64 {
        UInt64(program.numberOfRows) * bytesPerRow + UInt64(program.numberOfColumns) * bytesPerColumn
            + UInt64(program.numberOfNonZeros) * bytesPerNonZero
    }

    /// The error for a built model whose estimate `bytes` is over `limit`; `what` says for what.
    static func tooLarge(_ program: LinearProgram, bytes: UInt64, limit: UInt64, file: String,
                         for what: String = "", advice: String = "shorten the horizon or split the network") -> InputError {
        InputError(file: file, message: "the LP is too large\(what): \(program.numberOfRows) rows, "
            + "\(program.numberOfColumns) variables and \(program.numberOfNonZeros) non-zeros, an estimated "
            + "\(format(bytes: bytes)) against \(format(bytes: limit)) of memory available; \(advice)")
    }

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
        bytes = UInt64(total) * Self.minimumBytesPerColumn
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
        bytes = UInt64(total) * Self.minimumBytesPerColumn
    }

    static func format(bytes: UInt64) -> String {
        let gib = Double(bytes) / Double(1 << 30)
        return gib >= 1 ? String(format: "%.1f GiB", gib) : String(format: "%.0f MiB", Double(bytes) / Double(1 << 20))
    }
}
