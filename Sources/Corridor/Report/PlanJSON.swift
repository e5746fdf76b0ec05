import Foundation

/// The plan JSON of contract §3: snake_case keys, sorted, pretty-printed (`ReportJSON`), so the same
/// plan is always the same bytes. Also reads a plan back (for `corridor verify`).
public enum PlanJSON {
    public static func encode(_ plan: Plan) throws -> Data {
        try ReportJSON.document(plan)
    }

    /// Reads a plan file; a malformed one is an `InputError` naming the file and the field. As for
    /// network files, nesting past the limit, a key given twice in one object and a trailing comma
    /// (all of which Foundation's parser lets through) are errors with their line.
    public static func decode(_ data: Data, file: String) throws(InputError) -> Plan {
        let data = DocumentReader.withoutByteOrderMark(data)
        let finding = JSONDocumentReader.firstProblem(in: data)
        if case .tooDeep = finding, let finding { throw JSONDocumentReader.error(for: finding, file: file) }
        let plan = try decodeStructure(data, file: file)
        if let finding { throw JSONDocumentReader.error(for: finding, file: file) }
        // Days and counts beyond 1e12 decode as integers, but no plan has them: the same refusal as
        // 1e20 (which does not decode) and as any number of a network file.
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
           let (path, message) = firstNonInteger(in: object, path: "", integer: false) {
            throw InputError(file: file, path: path, message: message)
        }
        return plan
    }

    private static func decodeStructure(_ data: Data, file: String) throws(InputError) -> Plan {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Plan.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError(file: file, path: path(context.codingPath + [key]), message: "is required")
        } catch let DecodingError.typeMismatch(type, context) {
            throw InputError(file: file, path: path(context.codingPath), message: "expected \(describe(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw InputError(file: file, path: path(context.codingPath), message: "expected \(describe(type)), found null")
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            // Foundation's decoder says no more than "The given data was not valid JSON." — also for a
            // period written 1.5 in valid JSON. Find out which it is, and where.
            throw whyNotAPlan(data, file: file, fallback: context.debugDescription)
        } catch let DecodingError.dataCorrupted(context) {
            throw InputError(file: file, path: path(context.codingPath), message: context.debugDescription)
        } catch {
            throw InputError(file: file, message: "is not a plan: \(error)")
        }
    }

    /// Reads the plan file at `path` (`-` for standard input), with the checks of any input file: a
    /// missing file, a directory, one over `DocumentReader.maximumBytes` or an unreadable one is an
    /// `InputError` naming it, like a network file's.
    public static func read(path: String) throws(InputError) -> Plan {
        try decode(InputBytes.read(path: path, file: path, kind: "plan file"), file: path)
    }

    /// Integer fields of a plan, by key (`legs` holds integers inside `itineraries` only).
    private static let integerKeys: Set<String> = ["periods", "release", "due", "depart", "arrive", "period",
                                                   "rows", "columns", "nonzeros", "iterations"]

    /// The diagnostic for data the decoder refused without a path: not JSON at all (with Foundation's
    /// reason and line, and what a plan is), or a whole number written as a fraction or out of range.
    private static func whyNotAPlan(_ data: Data, file: String, fallback: String) -> InputError {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return JSONDocumentReader.invalid(error, text: String(decoding: data, as: UTF8.self), file: file,
                                              hint: "; a plan is the JSON that corridor plan --format json writes")
        }
        if let (path, message) = firstNonInteger(in: object, path: "", integer: false) {
            return InputError(file: file, path: path, message: message)
        }
        return InputError(file: file, message: "is not a plan: \(fallback)")
    }

    /// The first number that should be whole and is not, or is beyond 1e12 in magnitude, with its
    /// path and what is wrong with it. `integer`: numbers here must
    /// be whole; `itineraries`: this is the value of an `itineraries` key (its objects' `legs` are
    /// indices); `itinerary`: this object is one itinerary.
    private static func firstNonInteger(in object: Any, path: String, integer: Bool,
                                        itineraries: Bool = false, itinerary: Bool = false) -> (String, String)? {
        switch object {
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = firstNonInteger(in: item, path: "\(path)[\(index)]", integer: integer,
                                               itinerary: itineraries) { return found }
            }
        case let dictionary as [String: Any]:
            for key in dictionary.keys.sorted() {
                let inner = integerKeys.contains(key) || (itinerary && key == "legs")
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let found = firstNonInteger(in: dictionary[key]!, path: child, integer: inner,
                                               itineraries: key == "itineraries") { return found }
            }
        case let number as NSNumber where integer:
            let value = number.doubleValue
            if abs(value) > 1e12 {
                return (path, "number \(PlanNumbers.plain(value)) is out of range (numbers may not exceed 1e12 in magnitude)")
            }
            if value.rounded() != value { return (path, "expected a whole number, found \(number)") }
        default:
            break
        }
        return nil
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += (result.isEmpty ? "" : ".") + snakeCase(key.stringValue)
            }
        }
        return result
    }

    private static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: return "a number"
        case is String.Type: return "a string"
        default: return "\(type)".lowercased().contains("array") ? "a list" : "an object"
        }
    }
}
