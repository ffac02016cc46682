import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

extension AuthoriserHandler {
    /// The SigV4 path: the access key id is the tenant's API key id, found
    /// under the tenant named by the signed `x-tenant-id` header; the secret
    /// is the tenant's API key secret; the signature is recomputed.
    func authenticateMachine(_ event: APIGatewayAuthorizerRequest, authorization header: String) async throws(AuthorisationFailure) -> AuthorisedCaller {
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Authorization(header: header)
        } catch {
            throw .signature(error.code)
        }
        guard let tenantHeader = event.header("x-tenant-id") else { throw .missingTenantHeader }
        guard let tenantID = try? TenantID(validating: tenantHeader) else { throw .malformedTenantID }
        guard !authorization.accessKeyID.isEmpty, let keyID = try? APIKeyID(validating: authorization.accessKeyID) else {
            throw .unknownAPIKey
        }
        let binding = RequestBinding(signed: event)
        guard Self.isPayloadHash(binding.payloadHash) else { throw .signature("sigv4.malformed_payload_hash") }
        let request = Self.signedRequest(event, binding: binding)
        // Everything that needs no secret first: a probe with a stale date or a
        // foreign scope costs no read and takes no cache slot.
        do {
            try signatures.precheck(request, authorization: authorization, now: now())
        } catch {
            throw .signature(error.code)
        }

        // A key is looked up in the partition of the tenant it claims: another tenant's key is simply unknown here.
        let cacheKey = "\(tenantID.rawValue)#\(keyID.rawValue)"
        let key = try await keyCache.value(for: cacheKey, now: now()) { () async throws(AuthorisationFailure) in
            try await directory.apiKey(keyID, of: tenantID)
        }
        guard let key, key.status == .active else { throw .unknownAPIKey }
        var secret = try await secretCache.value(for: tenantID, now: now()) { () async throws(AuthorisationFailure) in
            try await directory.apiKeySecret(of: tenantID)
        }
        // A rotation since the secret was cached: the tenant row (written last by a rotation,
        // cached only for the tenant TTL) names this key, the cached secret another one. Read
        // the secret again, so a new key works within the tenant TTL rather than the secret's.
        // Only the tenant's current key id can trigger this, and only until the cache holds it.
        if secret?.keyID != keyID.rawValue, try await currentKeyID(of: tenantID) == keyID {
            secret = try await directory.apiKeySecret(of: tenantID)
            secretCache.store(secret, for: tenantID, now: now())
        }
        // The secret holds the tenant's current key: a rotated-out key id no longer matches.
        guard let secret, secret.keyID == keyID.rawValue else { throw .staleAPIKey }

        do {
            try signatures.verify(request, authorization: authorization, secretAccessKey: secret.secret, now: now())
        } catch {
            throw .signature(error.code)
        }
        guard key.tenantID == tenantID else { throw .keyTenantMismatch }
        let tenant = try await activeTenant(tenantID)
        return AuthorisedCaller(
            kind: .machine, tenantID: tenantID, appID: tenant.appID, tier: tenant.tier,
            subject: "apikey/\(keyID.rawValue)", roles: [AuthorisedCaller.machineRole], usageKeyID: tenant.apiKeyID?.rawValue,
            binding: binding
        )
    }

    /// The API key id on the tenant's row (cached with the tenant), whatever the tenant's status.
    private func currentKeyID(of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeyID? {
        try await tenantCache.value(for: tenantID, now: now()) { () async throws(AuthorisationFailure) in
            try await directory.tenant(tenantID)
        }?.apiKeyID
    }

    /// The request as the client signed it, rebuilt from the authoriser event.
    ///
    /// The path is `requestContext.path` (what the client sent, including a
    /// stage prefix on the default endpoint); the query holds every value of
    /// a repeated name. The event carries no body, so the payload hash is the
    /// client's `x-amz-content-sha256` (a hex digest or `UNSIGNED-PAYLOAD`),
    /// else that of an empty body; the integration checks it against the body.
    static func signedRequest(_ event: APIGatewayAuthorizerRequest, binding: RequestBinding) -> HTTPRequest {
        var headers = HTTPHeaders()
        for (name, value) in (event.headers ?? [:]).sorted(by: { $0.key < $1.key }) { headers.add(name, value) }
        let host = event.header("host") ?? ""
        return HTTPRequest(
            method: event.httpMethod, scheme: "https", authority: host, path: binding.path,
            query: binding.query, headers: headers
        )
    }

    /// A SHA-256 as SigV4 writes it (64 lowercase hex digits), or `UNSIGNED-PAYLOAD`.
    static func isPayloadHash(_ text: String) -> Bool {
        text == RequestBinding.unsignedPayload || (text.utf8.count == 64 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        })
    }
}
