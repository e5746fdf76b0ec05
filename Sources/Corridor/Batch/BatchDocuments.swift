import Foundation

/// The network documents of one batch run: each distinct file is read and parsed once, by the first
/// scenario that needs it, and every scenario naming it gets the parsed document as a value (it
/// applies its horizon, decodes and overrides its own copy; nothing is shared mutably). A file that
/// cannot be read or parsed fails every scenario naming it, with the message that scenario would get
/// reading the file itself. A document is dropped once the last scenario naming its file has taken it,
/// so a glob over many files holds only the files in flight.
final class BatchDocuments: @unchecked Sendable {
    /// Reads and parses `path`; diagnostics name the file `label`.
    typealias Loader = @Sendable (_ path: String, _ label: String) throws(InputError) -> DocumentNode

    /// One file: its real path, and the syntax its name implies (the name, not the target of a
    /// symbolic link, decides between JSON and YAML, as when the scenario reads it itself).
    struct Key: Hashable {
        var file: String
        var format: DocumentReader.Format?

        init(path: String) {
            file = BatchFilePath.identity(path)
            format = DocumentReader.format(forPath: path)
        }
    }

    /// A file's parse, done once; its lock makes the other scenarios naming the file wait for it.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var parsed: (label: String, result: Result<DocumentNode, InputError>)?
    }

    private let load: Loader
    /// The key of each scenario's `network`, worked out once (immutable: read without the lock).
    private let keys: [String: Key]
    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    /// How many scenarios have yet to take each file's document.
    private var remaining: [Key: Int] = [:]

    /// Documents for `scenarios`, read with `load` (by default `DocumentReader.read`; tests count
    /// the reads through it).
    init(scenarios: [BatchScenario], load: @escaping Loader = { path, label throws(InputError) in
        try DocumentReader.read(path: path, as: label)
    }) {
        self.load = load
        var keys: [String: Key] = [:]
        for scenario in scenarios {
            let key = keys[scenario.network] ?? Key(path: scenario.network)
            keys[scenario.network] = key
            remaining[key, default: 0] += 1
        }
        self.keys = keys
    }

    /// The parsed document of `scenario`'s network, or the error reading it gave, naming the file as
    /// `scenario` does.
    func document(for scenario: BatchScenario) throws(InputError) -> DocumentNode {
        let entry = take(keys[scenario.network] ?? Key(path: scenario.network))
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if entry.parsed == nil {
            let result: Result<DocumentNode, InputError>
            do {
                result = .success(try load(scenario.network, scenario.networkLabel))
            } catch {
                result = .failure(error)
            }
            entry.parsed = (scenario.networkLabel, result)
        }
        let (label, result) = entry.parsed!
        switch result {
        case .success(let document):
            return document
        case .failure(let error):
            throw Self.renamed(error, from: label, to: scenario.networkLabel)
        }
    }

    /// The entry of `key`, forgotten here when this is the last scenario to need it.
    private func take(_ key: Key) -> Entry {
        lock.lock()
        defer { lock.unlock() }
        let entry = entries[key] ?? Entry()
        let left = (remaining[key] ?? 1) - 1
        if left > 0 {
            entries[key] = entry
            remaining[key] = left
        } else {
            entries[key] = nil
            remaining[key] = nil
        }
        return entry
    }

    /// `error` as a scenario naming the file `label` would have got it.
    private static func renamed(_ error: InputError, from old: String, to label: String) -> InputError {
        guard old != label else { return error }
        return InputError(error.diagnostics.map { diagnostic in
            var copy = diagnostic
            if copy.file == old { copy.file = label }
            return copy
        })
    }
}
