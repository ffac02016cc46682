import FoundationEssentials

/// The caller's runtime sessions, always read and written in the caller's tenant partition.
protocol SessionDirectory: Sendable {
    func session(tenantID: String, sessionID: String) async throws -> RuntimeSession?
    /// Records activity; false when the session record no longer exists.
    func extend(tenantID: String, sessionID: String, lastUsedAt: Date, expiresAt: Date) async throws -> Bool
}
