import DataAccess
import FoundationEssentials
import PlatformAPI

extension InvokeHandler {
    /// The session is the caller's handle; the same handle from another user
    /// or for another agent of the tenant is refused, never joined.
    static let sessionTaken = APIError(
        .conflict, "This sessionId belongs to another user or agent of the tenant; use a new sessionId.")

    /// Records the session (`platform-sessions`) before anything is invoked and
    /// returns the runtime session id derived for it (ADR 0026). Throws when
    /// the session cannot be recorded, so nothing runs unrecorded.
    func openSession(_ handle: SessionID, caller: Caller, agent: AgentVersion, store: any TenantStore) async throws -> String {
        let key: [UInt8]
        do {
            key = try await dependencies.sessionKey.key()
        } catch {
            dependencies.log("runtime session key unavailable: \(Self.cause(error))")
            throw APIError(.serviceUnavailable, "The agent runtime is unavailable; retry shortly.")
        }
        let runtimeSessionID = RuntimeSessionID.derive(tenant: caller.tenantID, handle: handle, key: key)
        // Two attempts: a concurrent first use of the same handle by the same caller is not a conflict.
        for attempt in 1...2 {
            let existing = try await store.session(handle)
            if let existing, !existing.isOwned(bySubject: caller.subject, agentName: agent.agentName) {
                throw Self.sessionTaken
            }
            var session = existing?.touched(now: dependencies.now())
                ?? Session(sessionID: handle, tenantID: caller.tenantID, subject: caller.subject,
                           agentName: agent.agentName, runtimeSessionID: runtimeSessionID, now: dependencies.now())
            session.runtimeSessionID = runtimeSessionID
            do {
                try await store.putSession(session, replacing: existing)
                return runtimeSessionID
            } catch is ConditionalWriteConflict where attempt == 1 {
                continue
            } catch is ConditionalWriteConflict {
                throw Self.sessionTaken
            }
        }
        throw Self.sessionTaken
    }
}
