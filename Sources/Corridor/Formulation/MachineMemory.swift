import Foundation

/// The memory this process may use: the machine's physical memory, or less when a Linux control
/// group limits it — as containers (`docker run --memory`), CI runners and systemd units do. The
/// LP size check (contract §4.12) measures models against this, so that a model too large for the
/// container is refused with a message instead of the process being killed by the OOM killer.
enum MachineMemory {
    /// The limit for this process, read once.
    static let limit: UInt64 = limit(physical: ProcessInfo.processInfo.physicalMemory, read: contents(of:))

    /// A file's text, or nil when it cannot be read.
    static func contents(of path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The smallest of `physical` and every memory limit set on this process's control groups and
    /// their ancestors: cgroup v2 (`memory.max`, under `/sys/fs/cgroup` or, on hybrid systems,
    /// `/sys/fs/cgroup/unified`) and cgroup v1 (`memory.limit_in_bytes` under
    /// `/sys/fs/cgroup/memory`). "max" and v1's huge "unlimited" values leave `physical`. `read`
    /// returns a file's contents, or nil when it cannot be read (no such group, not Linux).
    static func limit(physical: UInt64, read: (String) -> String?) -> UInt64 {
        var result = physical
        guard let membership = read("/proc/self/cgroup") else { return result }
        for line in membership.split(separator: "\n") {
            // hierarchy-ID:controllers:path — v2 is "0::/path"; v1 lists its controllers.
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[2].hasPrefix("/") else { continue }
            let places: [(root: String, file: String)]
            if fields[0] == "0", fields[1].isEmpty {
                places = [("/sys/fs/cgroup", "memory.max"), ("/sys/fs/cgroup/unified", "memory.max")]
            } else if fields[1].split(separator: ",").contains("memory") {
                places = [("/sys/fs/cgroup/memory", "memory.limit_in_bytes")]
            } else {
                continue
            }
            for (root, file) in places {
                for group in ancestors(of: String(fields[2])) {
                    guard let text = read("\(root)\(group)/\(file)"),
                          let value = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
                    result = min(result, value)
                }
            }
        }
        return result
    }

    /// "/a/b" → ["/a/b", "/a", ""]: the group and every group above it ("" is the hierarchy's root).
    private static func ancestors(of path: String) -> [String] {
        var groups: [String] = []
        var components = path.split(separator: "/").map(String.init)
        while !components.isEmpty {
            groups.append("/" + components.joined(separator: "/"))
            components.removeLast()
        }
        groups.append("")
        return groups
    }
}
