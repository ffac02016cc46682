import DataAccess
import FoundationEssentials
import JWT

/// Mints the scoped act-on-behalf token: claims from `ScopedTokenClaims`,
/// signed HS256 by `JWTSigner` with the key from Secrets Manager.
struct ScopedTokenIssuer: Sendable {
    let keys: SigningKeyCache
    let now: @Sendable () -> Date
    let newJTI: @Sendable () -> String

    func issue(
        for principal: (tenantId: String, appId: String, tier: Tier, sub: String),
        toolName: String, mcpSessionId: String?
    ) async throws -> String {
        let claims = ScopedTokenClaims(
            tenantId: principal.tenantId, appId: principal.appId, tier: principal.tier, actingSub: principal.sub,
            toolName: toolName, mcpSessionId: mcpSessionId, jti: newJTI(), issuedAt: now())
        return try JWTSigner.signHS256(claims.jwtClaims, secret: try await keys.signingKey())
    }
}
