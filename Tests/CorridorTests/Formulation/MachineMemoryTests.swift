import XCTest
@testable import Corridor

/// The memory limit the LP size check uses: physical memory, or a control group's lower limit.
final class MachineMemoryTests: XCTestCase {
    private let gib: UInt64 = 1 << 30

    private func limit(_ files: [String: String], physical: UInt64 = 24 << 30) -> UInt64 {
        MachineMemory.limit(physical: physical) { files[$0] }
    }

    func testNoControlGroupsMeansPhysicalMemory() {
        XCTAssertEqual(limit([:]), 24 * gib)
        XCTAssertEqual(limit(["/proc/self/cgroup": "0::/\n"]), 24 * gib)
    }

    func testCgroupV2LimitOfTheGroupOrAnAncestor() {
        // A container whose namespace shows its own group as the root.
        XCTAssertEqual(limit(["/proc/self/cgroup": "0::/\n", "/sys/fs/cgroup/memory.max": "2147483648\n"]), 2 * gib)
        // A systemd unit: the unit says max, its slice sets 4 GiB.
        let files = ["/proc/self/cgroup": "0::/user.slice/job.scope\n",
                     "/sys/fs/cgroup/user.slice/job.scope/memory.max": "max\n",
                     "/sys/fs/cgroup/user.slice/memory.max": "4294967296\n"]
        XCTAssertEqual(limit(files), 4 * gib)
        // Hybrid layout: v2 mounted under unified/.
        XCTAssertEqual(limit(["/proc/self/cgroup": "0::/ci\n", "/sys/fs/cgroup/unified/ci/memory.max": "1073741824"]), gib)
    }

    func testCgroupV1MemoryController() {
        // This machine's layout: v1 memory controller, an "unlimited" value that is not a limit.
        let unlimited = ["/proc/self/cgroup": "4:memory:/process_api/a338\n3:cpuset:/\n0::/\n",
                         "/sys/fs/cgroup/memory/process_api/a338/memory.limit_in_bytes": "9223372036854771712\n",
                         "/sys/fs/cgroup/memory/process_api/memory.limit_in_bytes": "9223372036854771712\n"]
        XCTAssertEqual(limit(unlimited), 24 * gib)
        var limited = unlimited
        limited["/sys/fs/cgroup/memory/process_api/memory.limit_in_bytes"] = "3221225472\n"
        XCTAssertEqual(limit(limited), 3 * gib)
        // Joined controllers ("cpu,memory") count; other controllers' limits do not.
        XCTAssertEqual(limit(["/proc/self/cgroup": "5:cpu,memory:/x\n",
                              "/sys/fs/cgroup/memory/x/memory.limit_in_bytes": "1073741824"]), gib)
        XCTAssertEqual(limit(["/proc/self/cgroup": "5:cpu:/x\n",
                              "/sys/fs/cgroup/memory/x/memory.limit_in_bytes": "1073741824"]), 24 * gib)
    }

    func testALimitAbovePhysicalMemoryAndGarbageAreIgnored() {
        XCTAssertEqual(limit(["/proc/self/cgroup": "0::/\n", "/sys/fs/cgroup/memory.max": "\(64 * gib)"]), 24 * gib)
        XCTAssertEqual(limit(["/proc/self/cgroup": "0::/\n", "/sys/fs/cgroup/memory.max": "lots"]), 24 * gib)
        XCTAssertEqual(limit(["/proc/self/cgroup": "garbage\n::\n0::relative\n"]), 24 * gib)
    }

    /// On this (Linux) machine the real files are read: the process's groups are listed, and the
    /// limit is the one `limit(physical:read:)` computes from them.
    func testThisMachineReadsItsControlGroups() throws {
        let membership = try XCTUnwrap(MachineMemory.contents(of: "/proc/self/cgroup"))
        XCTAssertTrue(membership.contains(":/"), membership)
        XCTAssertNil(MachineMemory.contents(of: "/proc/self/no-such-file"))
        XCTAssertEqual(MachineMemory.limit,
                       MachineMemory.limit(physical: ProcessInfo.processInfo.physicalMemory, read: MachineMemory.contents(of:)))
    }
}
