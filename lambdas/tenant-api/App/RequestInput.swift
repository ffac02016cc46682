import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// Path and query parameters, validated with the DataAccess types; every
/// problem is a 400 whose `details` name the parameter, never echo its value.
enum RequestInput {
    static func pathTenantID(_ request: APIGatewayProxyRequest) throws -> TenantID {
        try path(request, "tenantId") { text, field throws(ValidationError) in try TenantID(validating: text, field: field) }
    }

    /// A path parameter run through `parse`, which throws `ValidationError`.
    static func path<T>(
        _ request: APIGatewayProxyRequest, _ name: String, _ parse: (String, String) throws(ValidationError) -> T
    ) throws -> T {
        guard let text = request.pathParameters?[name], !text.isEmpty else {
            throw APIError.invalid([.init(field: name, message: "is required")])
        }
        do {
            return try parse(text, name)
        } catch {
            throw APIError.invalid([.init(field: name, message: error.message)])
        }
    }

    /// The query parameter `name`, or nil when absent.
    static func query(_ request: APIGatewayProxyRequest, _ name: String) -> String? {
        request.queryStringParameters?[name]
    }

    /// Query parameters other than `allowed` are 400, like unknown body fields.
    static func rejectUnknownQuery(_ request: APIGatewayProxyRequest, allowed: Set<String>) throws(APIError) {
        let unknown = (request.queryStringParameters ?? [:]).keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw .invalid(unknown.map { .init(field: $0, message: "is not a parameter of this operation") })
        }
    }

    /// An ISO-8601 millisecond timestamp parameter.
    static func timestamp(_ text: String, field: String) throws(APIError) -> Date {
        guard let date = DynamoDBItemTimestamp.date(from: text) else {
            throw .invalid([.init(field: field, message: "must be a timestamp such as 2026-11-25T12:34:56.789Z")])
        }
        return date
    }

    /// An optional JSON body: absent or empty is `nil`, anything else is decoded strictly.
    static func optionalBody<T: Decodable>(
        _ type: T.Type, from request: APIGatewayProxyRequest, allowedFields: Set<String>
    ) throws(APIError) -> T? {
        guard let data = request.bodyData, !data.isEmpty else { return nil }
        return try RequestBody.decode(type, from: data, allowedFields: allowedFields)
    }
}
