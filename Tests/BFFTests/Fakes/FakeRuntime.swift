import Synchronization
@testable import BFF

/// Agent runtime ARNs, and a pinger that records pings and can fail.
final class FakeRuntime: AgentRuntimeDirectory, RuntimeSessionPinger {
    struct Ping: Equatable {
        var runtimeARN: String
        var region: String
        var sessionID: String
    }

    private let state: Mutex<(arns: [String: String], pings: [Ping], failure: RuntimePingError?)>

    init(arns: [String: String], failure: RuntimePingError? = nil) {
        state = Mutex((arns, [], failure))
    }

    var pings: [Ping] { state.withLock { $0.pings } }

    func runtimeARN(agentName: String, tenantID: String) async throws -> String? {
        state.withLock { $0.arns[agentName] }
    }

    func ping(runtimeARN: String, region: String, sessionID: String) async throws(RuntimePingError) {
        let failure = state.withLock { state -> RuntimePingError? in
            state.pings.append(Ping(runtimeARN: runtimeARN, region: region, sessionID: sessionID))
            return state.failure
        }
        if let failure { throw failure }
    }
}
