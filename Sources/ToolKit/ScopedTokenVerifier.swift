import DataAccess
import FoundationEssentials
import JWT
import LambdaEvents

/// Accepts only the act-on-behalf token the request interceptor mints for
/// this tool: HS256 with the shared key, `iss` `platform-gateway`, `aud`
/// `tool:{name}` and `scope_tool` this tool, unexpired, and a tenant and user
/// that agree with the identity headers the interceptor set beside it.
public struct ScopedTokenVerifier: Sendable {
    public static let issuer = "platform-gateway"
    public let toolName: String

    public init(toolName: String) {
        self.toolName = toolName
    }

    public func verify(_ request: ToolRequest, secret: [UInt8], now: Date) throws(ToolRefusal) -> ToolCaller {
        let authorizations = request.headers.values(for: "Authorization")
        guard authorizations.count == 1, authorizations[0].hasPrefix("Bearer ") else { throw .missingToken }
        let token = String(authorizations[0].dropFirst("Bearer ".count))
        let validator = JWTValidator(
            algorithm: .hs256, issuer: Self.issuer, audience: "tool:\(toolName)", leeway: 5,
            requiredClaims: ["tenantid", "appid", "acting_sub", "scope_tool", "jti", "tier"])
        let jwt: JWT
        do {
            jwt = try validator.validate(token, secret: secret, now: now)
        } catch {
            throw .invalidToken(error.code.rawValue)
        }
        let claims = jwt.claims
        guard let scope = try? claims.string("scope_tool"), scope == toolName, request.toolName == toolName else {
            throw .wrongTool
        }
        guard let tenantText = try? claims.string("tenantid"), let tenantID = try? TenantID(validating: tenantText),
              let appID = try? claims.string("appid"), let sub = try? claims.string("acting_sub"),
              let jti = try? claims.string("jti"), let tierText = try? claims.string("tier"), let tier = Tier(rawValue: tierText)
        else { throw .invalidToken("invalidClaim") }
        // The headers are the interceptor's too; a disagreement means the
        // token was lifted from another caller's request.
        guard request.headers.single("x-tenant-id") == tenantID.rawValue,
              request.headers.single("x-acting-sub") == sub else { throw .identityMismatch }
        return ToolCaller(tenantID: tenantID, appID: appID, tier: tier, actingSub: sub, jti: jti)
    }
}
