import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformJSON

/// Mints the scoped act-on-behalf token: claims from `ScopedTokenClaims`,
/// HS256 with the key from Secrets Manager.
struct ScopedTokenIssuer: Sendable {
    /// Signs a claims set with an HS256 key and returns the compact JWS
    /// (the `JWT` module's HS256 signer in the Lambda).
    typealias Sign = @Sendable (_ claims: JSONValue, _ key: [UInt8]) throws -> String

    let keys: SigningKeyCache
    let sign: Sign
    let now: @Sendable () -> Date
    let newJTI: @Sendable () -> String

    func issue(
        for principal: (tenantId: String, appId: String, tier: Tier, sub: String),
        toolName: String, mcpSessionId: String?
    ) async throws -> String {
        let claims = ScopedTokenClaims(
            tenantId: principal.tenantId, appId: principal.appId, tier: principal.tier, actingSub: principal.sub,
            toolName: toolName, mcpSessionId: mcpSessionId, jti: newJTI(), issuedAt: now())
        return try sign(claims.json, try await keys.signingKey())
    }
}
