import AWSCore
import FoundationEssentials
import LambdaEvents
import PlatformJSON

/// Strict decoding of JSON request bodies: a body that is not a JSON object,
/// carries a field the operation does not define, or has a field of the
/// wrong type is a 400 listing every problem, before anything is written.
public enum RequestBody {
    /// The largest body any route accepts (invoke input is at most 50,000 characters).
    public static let maxBytes = 256 * 1024

    public static func decode<T: Decodable>(
        _ type: T.Type, from request: APIGatewayProxyRequest, allowedFields: Set<String>
    ) throws(APIError) -> T {
        guard let data = request.bodyData, !data.isEmpty else {
            throw .invalid([.init(field: "body", message: "a JSON object is required")])
        }
        return try decode(type, from: data, allowedFields: allowedFields)
    }

    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, allowedFields: Set<String>
    ) throws(APIError) -> T {
        guard data.count <= maxBytes else {
            throw .invalid([.init(field: "body", message: "must be at most \(maxBytes) bytes")])
        }
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw .invalid([.init(field: "body", message: "must be a JSON object")])
        }
        let unknown = fields.keys.filter { !allowedFields.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw .invalid(unknown.map { .init(field: $0, message: "is not a field of this request") })
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .invalid([detail(for: error)])
        } catch let error as APIError {
            throw error
        } catch {
            throw .invalid([.init(field: "body", message: "could not be read")])
        }
    }

    /// A client-facing description of a decoding failure: the field path and
    /// what was expected, never the value that was sent.
    static func detail(for error: DecodingError) -> APIError.Detail {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let all = keys + (last.map { [$0] } ?? [])
            let joined = all.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "body" : joined.replacing(".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(field: path(context.codingPath, key), message: "is required")
        case .typeMismatch(let type, let context):
            return .init(field: path(context.codingPath), message: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .init(field: path(context.codingPath), message: "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            return .init(field: path(context.codingPath), message: "is not valid")
        @unknown default:
            return .init(field: "body", message: "could not be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
