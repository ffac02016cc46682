import FoundationEssentials
import Synchronization
@testable import BFF

/// Session records by tenant and id, and the extensions written.
final class FakeSessions: SessionDirectory {
    struct Extension: Equatable {
        var tenantID: String
        var sessionID: String
        var lastUsedAt: Date
        var expiresAt: Date
    }

    struct StoreDown: Error {}

    private let state: Mutex<(sessions: [RuntimeSession], extensions: [Extension], failing: Bool)>

    init(_ sessions: [RuntimeSession], failing: Bool = false) {
        state = Mutex((sessions, [], failing))
    }

    var extensions: [Extension] { state.withLock { $0.extensions } }

    func session(tenantID: String, sessionID: String) async throws -> RuntimeSession? {
        try state.withLock { state in
            if state.failing { throw StoreDown() }
            return state.sessions.first { $0.tenantID == tenantID && $0.sessionID == sessionID }
        }
    }

    func extend(tenantID: String, sessionID: String, lastUsedAt: Date, expiresAt: Date) async throws -> Bool {
        state.withLock { state in
            guard state.sessions.contains(where: { $0.tenantID == tenantID && $0.sessionID == sessionID }) else { return false }
            state.extensions.append(Extension(tenantID: tenantID, sessionID: sessionID, lastUsedAt: lastUsedAt, expiresAt: expiresAt))
            return true
        }
    }
}
