import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents

/// The REST API REQUEST authoriser (SYSTEM.md section 4): an Entra bearer
/// token or a SigV4 signature made with the tenant's API key, then the
/// tenant's standing, then a policy: the whole API for a token, the one
/// signed method for a signature.
public struct AuthoriserHandler: Sendable {
    let tokens: any BearerTokenVerifier
    let directory: any AuthoriserDirectory
    let signatures: SigV4Verifier
    let tenantCache: ExpiringCache<TenantID, TenantStanding>
    let keyCache: ExpiringCache<String, APIKeyStanding>
    let secretCache: ExpiringCache<TenantID, APIKeySecret>
    let now: @Sendable () -> Date
    let log: @Sendable (String) -> Void
    /// Counts every refusal by reason code (a bounded set), so cross-tenant and
    /// forged attempts show up as metrics, not only as log lines.
    let countDenial: @Sendable (String) -> Void

    /// Longest Authorization header considered; anything longer is refused unread.
    static let maxAuthorizationBytes = 8 * 1024

    public init(
        tokens: any BearerTokenVerifier, directory: any AuthoriserDirectory, region: String,
        tenantTTL: TimeInterval = 30, secretTTL: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }, log: @escaping @Sendable (String) -> Void = { _ in },
        countDenial: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.tokens = tokens
        self.directory = directory
        signatures = SigV4Verifier(
            region: region, service: "execute-api", requiredSignedHeaders: ["host", "x-amz-date", "x-tenant-id"],
            allowedClockSkew: 300
        )
        tenantCache = ExpiringCache(ttl: tenantTTL)
        keyCache = ExpiringCache(ttl: tenantTTL)
        secretCache = ExpiringCache(ttl: secretTTL)
        self.now = now
        self.log = log
        self.countDenial = countDenial
    }

    /// The decision for one request: a policy (Allow, or Deny for a policy
    /// failure), or `Unauthorized` for bad credentials.
    public func handle(_ event: APIGatewayAuthorizerRequest) async throws(Unauthorized) -> APIGatewayAuthorizerResponse {
        // Without a method ARN there is no API to write a policy for: the event did not come from API Gateway.
        guard let apiRoot = AuthoriserPolicy.apiRoot(ofMethodARN: event.methodArn) else {
            log("authoriser deny reason=event.malformed_method_arn")
            throw Unauthorized(reason: .missingCredentials)
        }
        do throws(AuthorisationFailure) {
            let caller = try await authenticate(event)
            log("authoriser allow kind=\(caller.kind.rawValue) tenant=\(caller.tenantID.rawValue) admin=\(caller.isAdmin)")
            return AuthoriserPolicy.allow(caller, apiRoot: apiRoot, methodARN: event.methodArn)
        } catch {
            // Codes only: never the token, signature or a claim value.
            log("authoriser deny reason=\(error.code)")
            countDenial(error.code)
            if error.isUnauthorized { throw Unauthorized(reason: error) }
            return AuthoriserPolicy.deny(principalID: "denied", apiRoot: apiRoot)
        }
    }

    func authenticate(_ event: APIGatewayAuthorizerRequest) async throws(AuthorisationFailure) -> AuthorisedCaller {
        guard let header = event.header("authorization"), !header.isEmpty else { throw .missingCredentials }
        guard header.utf8.count <= Self.maxAuthorizationBytes else { throw .oversizedCredentials }
        if let token = Self.bearerToken(in: header) {
            return try await authenticateHuman(token: token)
        }
        if header.hasPrefix("AWS4-") {
            return try await authenticateMachine(event, authorization: header)
        }
        throw .unsupportedScheme
    }

    /// The token of `Bearer <token>` (scheme case-insensitive, RFC 7235).
    static func bearerToken(in header: String) -> Substring? {
        guard header.utf8.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        let token = header.dropFirst(7).drop { $0 == " " }
        return token.isEmpty ? nil : token
    }

    private func authenticateHuman(token: Substring) async throws(AuthorisationFailure) -> AuthorisedCaller {
        let verified = try await tokens.verify(bearer: String(token))
        guard let tenantID = try? TenantID(validating: verified.tenantID) else { throw .malformedTenantID }
        let tenant = try await activeTenant(tenantID)
        return AuthorisedCaller(
            kind: .human, tenantID: tenantID, appID: verified.appID, tier: tenant.tier,
            subject: verified.subject ?? verified.appID, roles: verified.roles, usageKeyID: tenant.apiKeyID?.rawValue
        )
    }

    /// The tenant's row, which must exist with status exactly `active` (cached).
    func activeTenant(_ tenantID: TenantID) async throws(AuthorisationFailure) -> TenantStanding {
        let standing = try await tenantCache.value(for: tenantID, now: now()) { () async throws(AuthorisationFailure) in
            try await directory.tenant(tenantID)
        }
        guard let standing, standing.tenantID == tenantID else { throw .tenantNotFound }
        guard standing.status == .active else { throw .tenantNotActive }
        return standing
    }
}
