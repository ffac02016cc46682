import AWSCore
import FoundationEssentials

/// A JSON object request body, read strictly: unknown fields and wrong types
/// become `details[]` entries of one 400 answer.
struct RequestBody: Sendable {
    private let fields: [String: JSONValue]
    private(set) var problems: [BFFError.Detail] = []

    init(_ data: Data?, allowedFields: Set<String>) throws(BFFError) {
        guard let data, !data.isEmpty else {
            throw BFFError.invalidRequest("request body is required")
        }
        guard let fields = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
            throw BFFError.invalidRequest("request body must be a JSON object")
        }
        self.fields = fields
        for name in fields.keys.sorted() where !allowedFields.contains(name) {
            problems.append(.init(field: name, message: "unknown field"))
        }
    }

    /// The string value of a required field, recording a problem when it is absent or not a string.
    mutating func requiredString(_ name: String) -> String? {
        switch fields[name] {
        case .string(let value)?:
            return value
        case nil, .null?:
            problems.append(.init(field: name, message: "is required"))
        default:
            problems.append(.init(field: name, message: "must be a string"))
        }
        return nil
    }

    mutating func addProblem(field: String, message: String) {
        problems.append(.init(field: field, message: message))
    }

    /// Throws one `INVALID_REQUEST` listing every problem found so far.
    func validate() throws(BFFError) {
        guard problems.isEmpty else {
            throw BFFError.invalidRequest("request body is invalid", details: problems)
        }
    }
}
