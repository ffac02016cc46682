import PlatformJSON
import AWSCore
import DataAccess
import FoundationEssentials
import PlatformAPI

/// A validated `InvokeRequest` body (docs/openapi.yaml).
struct InvokeRequest: Sendable, Equatable {
    var input: String
    var sessionID: SessionID?
    var context: JSONValue?
    var webhookID: WebhookID?
    var metadata: [String: String]

    static let fields: Set<String> = ["input", "sessionId", "context", "webhookId", "metadata"]
    static let maxInputCharacters = 50_000

    private struct Body: Decodable {
        var input: String
        var sessionId: String?
        var context: JSONValue?
        var webhookId: String?
        var metadata: [String: String]?
    }

    /// Decodes strictly and checks every rule, reporting all problems at once.
    init(data: Data?) throws(APIError) {
        guard let data, !data.isEmpty else {
            throw .invalid([.init(field: "body", message: "a JSON object is required")])
        }
        let body = try RequestBody.decode(Body.self, from: data, allowedFields: Self.fields)
        var problems: [APIError.Detail] = []
        if body.input.isEmpty {
            problems.append(.init(field: "input", message: "must not be empty"))
        } else if body.input.count > Self.maxInputCharacters {
            problems.append(.init(field: "input", message: "must be at most \(Self.maxInputCharacters) characters"))
        }
        var sessionID: SessionID?
        if let text = body.sessionId {
            do { sessionID = try SessionID(clientHandle: text) } catch {
                problems.append(.init(field: "sessionId", message: error.message))
            }
        }
        switch body.context {
        case nil, .null, .object: break
        default: problems.append(.init(field: "context", message: "must be an object"))
        }
        var webhookID: WebhookID?
        if let text = body.webhookId {
            if text.isEmpty || text.utf8.count > 64 {
                problems.append(.init(field: "webhookId", message: "must be 1-64 letters, digits, underscores or hyphens"))
            } else {
                do { webhookID = try WebhookID(validating: text, field: "webhookId") } catch {
                    problems.append(.init(field: "webhookId", message: error.message))
                }
            }
        }
        let metadata = body.metadata ?? [:]
        if metadata.count > 32 {
            problems.append(.init(field: "metadata", message: "must have at most 32 entries"))
        }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where value.count > 1024 {
            problems.append(.init(field: "metadata.\(key)", message: "must be at most 1024 characters"))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        input = body.input
        self.sessionID = sessionID
        context = body.context == .null ? nil : body.context
        self.webhookID = webhookID
        self.metadata = metadata
    }
}
