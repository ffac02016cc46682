import AWSCore
import FoundationEssentials

/// Pings runtime sessions with `InvokeAgentRuntime` in the region asked for.
struct AgentCorePinger: RuntimeSessionPinger {
    /// The payload the platform's agents answer without doing any work.
    static let payload = Data(#"{"action":"ping"}"#.utf8)

    /// The data-plane client for a region (endpoint re-resolved per region).
    let clientForRegion: @Sendable (String) throws -> AgentCoreClient

    func ping(runtimeARN: String, region: String, sessionID: String) async throws(RuntimePingError) {
        do {
            let client = try clientForRegion(region)
            _ = try await client.invoke(.init(runtimeARN: runtimeARN, sessionID: sessionID, payload: Self.payload,
                                              accept: "application/json"))
        } catch {
            throw Self.classify(error)
        }
    }

    /// Throttling keeps its meaning; a runtime that cannot be reached or says it is
    /// unavailable is 503; any other refusal is a failed invocation (502).
    static func classify(_ error: any Error) -> RuntimePingError {
        switch error {
        case let error as AWSError:
            if error.status == 429 || error.code == "ThrottlingException" || error.code == "TooManyRequestsException" {
                return .throttled(retryAfterSeconds: nil)
            }
            if error.status == 503 || error.code == "ServiceUnavailableException" {
                return .unavailable
            }
            return .failed(code: error.code)
        case is TransportError:
            return .unavailable
        default:
            return .failed(code: String(describing: type(of: error)))
        }
    }
}
