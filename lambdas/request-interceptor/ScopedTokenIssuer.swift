import DataAccess
import FoundationEssentials
import InterceptorKit
import JWT

/// Mints the scoped act-on-behalf token: claims from `ScopedTokenClaims`,
/// signed HS256 by `JWTSigner` with the key from Secrets Manager. Minting is
/// deterministic for a grant, so a replay needs only the grant, not the token.
struct ScopedTokenIssuer: Sendable {
    let keys: SigningKeyCache
    let now: @Sendable () -> Date
    let newJTI: @Sendable () -> String

    /// A fresh grant: a new `jti`, issued now.
    func newGrant() -> ScopedTokenGrant {
        ScopedTokenGrant(jti: newJTI(), issuedAt: Int(now().timeIntervalSince1970.rounded(.down)))
    }

    /// The token for `caller` (tier from the tenant row) acting as `sub` on `toolName`.
    func issue(
        for caller: Caller, sub: String, toolName: String, mcpSessionId: String?, grant: ScopedTokenGrant
    ) async throws -> String {
        let claims = ScopedTokenClaims(
            tenantId: caller.tenantID.rawValue, appId: caller.appID, tier: caller.tier, actingSub: sub,
            toolName: toolName, mcpSessionId: mcpSessionId, jti: grant.jti, issuedAt: grant.issuedAtDate)
        return try JWTSigner.signHS256(claims.jwtClaims, secret: try await keys.signingKey())
    }
}
