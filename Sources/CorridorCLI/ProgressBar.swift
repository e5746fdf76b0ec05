import Foundation

/// A one-line progress bar with ETA on standard error, drawn only when standard error is a
/// terminal (so logs and pipes stay clean). Safe to call from worker threads.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    private let delay: TimeInterval
    private var drawn = false

    /// `after`: seconds before the first draw (a short job shows no bar at all).
    init(label: String, enabled: Bool, after delay: TimeInterval = 0) {
        self.label = label
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        self.delay = delay
    }

    func update(done: Int, total: Int, note: String? = nil) {
        guard enabled, total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) >= delay || drawn else { return }
        guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        drawn = true
        lastDraw = now
        let fraction = Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        var line = String(format: "\r%@ %@ %d/%d  %.0f%%  ETA %.0fs ", label, bar, done, total, fraction * 100, eta)
        if let note { line += " " + note + " " }
        Console.writeError(done == total ? line + "\n" : line)
    }
}
