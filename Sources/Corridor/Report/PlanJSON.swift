import Foundation

/// The plan JSON of contract §3: snake_case keys, sorted, pretty-printed (`ReportJSON`), so the same
/// plan is always the same bytes. Also reads a plan back (for `corridor verify`).
public enum PlanJSON {
    public static func encode(_ plan: Plan) throws -> Data {
        try ReportJSON.document(plan)
    }

    /// Reads a plan file; a malformed one is an `InputError` naming the file and the field.
    public static func decode(_ data: Data, file: String) throws(InputError) -> Plan {
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
            // Not JSON at all (a network file given in the plan's place, say); Foundation says no
            // more than "The given data was not valid JSON.", so say what a plan is.
            throw InputError(file: file, message: "is not valid JSON; a plan is the JSON that corridor plan --format json writes")
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
