import PlatformAPI
import DataAccess
import FoundationEssentials

/// Keeps a caller's runtime session alive: checks the session is the caller's,
/// pings it in the active runtime region and records the new idle expiry.
struct SessionKeepalive: Sendable {
    struct Accepted: Equatable, Sendable {
        var sessionID: String
        var expiresAt: Date
    }

    /// AgentCore Runtime ends a session after 15 minutes without activity.
    static let idleWindow = Retention.sessionIdle

    let sessions: any SessionDirectory
    let agents: any AgentRuntimeDirectory
    let pinger: any RuntimeSessionPinger
    /// The active runtime region (`/platform/config/runtime-region`, cached).
    let activeRegion: @Sendable () async throws -> String
    let now: @Sendable () -> Date

    func keepAlive(_ request: SessionKeepaliveRequest, for caller: Caller) async throws(BFFError) -> Accepted {
        // Another tenant's or user's session and a missing one answer the same, so ids cannot be probed.
        guard let session = try await dependency({ try await sessions.session(tenantID: caller.tenantID.rawValue, sessionID: request.sessionID) }),
              session.tenantID == caller.tenantID.rawValue, session.subject == caller.subject,
              session.agentName == request.agentName
        else { throw BFFError.notFoundSession }

        guard let arnText = try await dependency({ try await agents.runtimeARN(agentName: request.agentName, tenantID: caller.tenantID.rawValue) }),
              let runtimeARN = RuntimeARN(arnText)
        else { throw BFFError(code: .notFound, message: "agent not found") }

        let region: String
        do {
            region = try await activeRegion()
        } catch {
            throw BFFError(code: .serviceUnavailable, message: "the active runtime region could not be read",
                           cause: String(String(describing: error).prefix(300)))
        }
        do {
            try await pinger.ping(runtimeARN: runtimeARN.inRegion(region).text, region: region,
                                  sessionID: session.runtimeSessionID)
        } catch {
            throw error.apiError
        }

        let pingedAt = now()
        let expiresAt = pingedAt.addingTimeInterval(Self.idleWindow)
        let extended = try await dependency {
            try await sessions.extend(tenantID: caller.tenantID.rawValue, sessionID: request.sessionID,
                                      lastUsedAt: pingedAt, expiresAt: expiresAt)
        }
        guard extended else { throw BFFError.notFoundSession }
        return Accepted(sessionID: request.sessionID, expiresAt: expiresAt)
    }

    /// A table read or write that fails is an internal error; its cause goes to the log, not the caller.
    private func dependency<T>(_ body: () async throws -> T) async throws(BFFError) -> T {
        do {
            return try await body()
        } catch {
            throw BFFError.internalError(cause: error)
        }
    }
}
