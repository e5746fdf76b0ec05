import CYaml

extension YAMLDocumentReader {
    /// A linear walk over libyaml's events, before Yams composes the document: refuses depth that
    /// aliases build (an alias is as deep as its anchor's content; a chain of 100,000 anchors each
    /// holding the last would overflow the stack when Yams frees its nodes), documents whose
    /// values (aliases expanded, counted as `expansion` counts them, merges left out) exceed the
    /// budget, and lists, objects or aliases used as mapping keys (Yams hashes a key's whole
    /// expanded tree to find duplicates, which an alias bomb turns into a hang). Nesting and
    /// budget problems are reported where they occur; a bad key only once the whole stream is
    /// walked, so that a deeper problem found later still reads as nesting. When libyaml reports
    /// an error, or an alias names no anchor, the walk gives up and Yams reports the problem with
    /// its usual message.
    struct EventPrePass {
        private struct Frame {
            var isMapping: Bool
            /// In a mapping: whether the next node is a key.
            var expectsKey = true
            /// Whether this node is itself a mapping key.
            var isKey: Bool
            var anchor: String?
            /// Levels below this node, aliases expanded.
            var height = 0
            /// Values this node expands to, itself included (keys are not counted, as in `expansion`).
            var count = 1
        }

        private enum Step {
            case more
            case stop(InputError?)
        }

        let file: String
        let budget: Int
        private var stack: [Frame] = []
        private var anchors: [String: (height: Int, count: Int)] = [:]
        private var keyProblem: InputError?

        static func problem(in text: String, file: String, budget: Int) -> InputError? {
            var text = text  // libyaml reads the UTF-8 bytes in place, by length: no copy, no terminator
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) != 0 else { return nil }
            defer { yaml_parser_delete(parser) }
            var walker = EventPrePass(file: file, budget: budget)
            return text.withUTF8 { buffer -> InputError? in
                guard let bytes = buffer.baseAddress else { return nil }  // empty: nothing to refuse
                yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
                yaml_parser_set_input_string(parser, bytes, buffer.count)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(parser, &event) != 0 else { return nil }  // Yams reports it
                    let step = walker.take(event)
                    yaml_event_delete(&event)
                    if case .stop(let problem) = step { return problem }
                }
            }
        }

        private init(file: String, budget: Int) {
            self.file = file
            self.budget = budget
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        private func nesting(_ line: Int, throughAliases: Bool) -> Step {
            let message = "nesting is deeper than \(YAMLDocumentReader.maximumDepth) levels"
            return .stop(InputError(file: file, line: line,
                                    message: throughAliases ? message + " (counting what aliases expand to)" : message))
        }

        private func bomb(_ line: Int) -> Step {
            .stop(InputError(file: file, line: line, message: "expands to too many values (a YAML alias bomb?)"))
        }

        /// Whether the next node is a mapping key (and moves its mapping on to the value).
        private mutating func nextIsKey() -> Bool {
            guard let last = stack.indices.last, stack[last].isMapping else { return false }
            defer { stack[last].expectsKey.toggle() }
            return stack[last].expectsKey
        }

        private mutating func noteKey(_ kind: String, line: Int) {
            guard keyProblem == nil else { return }
            keyProblem = InputError(file: file, line: line, message: "a key must be a plain name, not \(kind) (mapping keys must be plain text)")
        }

        /// A finished node joins its parent.
        private mutating func finish(height: Int, count: Int, isKey: Bool, line: Int) -> Step {
            guard count <= budget else { return bomb(line) }
            guard let last = stack.indices.last else { return .more }
            stack[last].height = max(stack[last].height, height + 1)
            if !isKey {
                stack[last].count = min(stack[last].count + count, budget + 1)
                guard stack[last].count <= budget else { return bomb(line) }
            }
            return .more
        }

        private mutating func take(_ event: yaml_event_t) -> Step {
            let line = event.start_mark.line + 1
            let depth = stack.count
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .stop(keyProblem)
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
                stack = []
                return .more
            case YAML_SCALAR_EVENT:
                let isKey = nextIsKey()
                guard depth <= YAMLDocumentReader.maximumDepth else { return nesting(line, throughAliases: false) }
                if let anchor = Self.string(event.data.scalar.anchor) { anchors[anchor] = (0, 1) }
                return finish(height: 0, count: 1, isKey: isKey, line: line)
            case YAML_ALIAS_EVENT:
                let isKey = nextIsKey()
                if isKey { noteKey("an alias", line: line) }
                guard let name = Self.string(event.data.alias.anchor), let anchor = anchors[name] else {
                    return .stop(nil)  // an unknown alias: Yams reports it
                }
                guard depth + anchor.height <= YAMLDocumentReader.maximumDepth else {
                    return nesting(line, throughAliases: true)
                }
                return finish(height: anchor.height, count: anchor.count, isKey: isKey, line: line)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let isKey = nextIsKey()
                if isKey { noteKey(isMapping ? "an object" : "a list", line: line) }
                guard depth <= YAMLDocumentReader.maximumDepth else { return nesting(line, throughAliases: false) }
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor)
                                       : Self.string(event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, isKey: isKey, anchor: anchor))
                return .more
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return .stop(nil) }
                if let anchor = frame.anchor { anchors[anchor] = (frame.height, frame.count) }
                return finish(height: frame.height, count: frame.count, isKey: frame.isKey, line: line)
            default:
                return .more
            }
        }
    }
}
