import PlatformJSON
import AWSCore

/// `SyncInvokeResponse` (docs/openapi.yaml); also what an idempotent repeat replays.
struct SyncInvokeResponse: Codable, Sendable, Equatable {
    struct Usage: Codable, Sendable, Equatable {
        var inputTokens: Int
        var outputTokens: Int
        var latencyMs: Int
    }

    var invocationId: String
    var agentName: String
    var agentVersion: String
    var mode: String
    var status: String
    var output: JSONValue
    var sessionId: String
    var usage: Usage
    var timestamp: String
}
