import DataAccess
import FoundationEssentials
import JWT
import PlatformJSON

/// The claims of the act-on-behalf token a tool receives (ADR 0004): good for
/// one tool, one tenant, one acting user, five minutes.
struct ScopedTokenClaims: Sendable, Equatable {
    static let issuer = "platform-gateway"
    static let lifetime: TimeInterval = 300

    var tenantId: String
    var appId: String
    var tier: Tier
    var actingSub: String
    var toolName: String
    var mcpSessionId: String?
    var jti: String
    var issuedAt: Date

    /// The JWT claims set (`JWTSigner` writes it with sorted keys).
    var jwtClaims: JWTClaims {
        let issued = Int(issuedAt.timeIntervalSince1970)
        var claims = JWTClaims([
            "iss": .string(Self.issuer),
            "aud": .string("tool:\(toolName)"),
            "iat": .number(JSONNumber(issued)),
            "nbf": .number(JSONNumber(issued)),
            "exp": .number(JSONNumber(issued + Int(Self.lifetime))),
            "jti": .string(jti),
            "tenantid": .string(tenantId),
            "appid": .string(appId),
            "tier": .string(tier.rawValue),
            "acting_sub": .string(actingSub),
            "scope_tool": .string(toolName),
        ])
        if let mcpSessionId { claims["mcp_session_id"] = .string(mcpSessionId) }
        return claims
    }
}
