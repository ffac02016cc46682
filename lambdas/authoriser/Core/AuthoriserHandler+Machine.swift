import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents

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
            try signatures.verify(Self.signedRequest(event), authorization: authorization, secretAccessKey: secret.secret, now: now())
        } catch {
            throw .signature(error.code)
        }
        guard key.tenantID == tenantID else { throw .keyTenantMismatch }
        let tenant = try await activeTenant(tenantID)
        return AuthorisedCaller(
            kind: .machine, tenantID: tenantID, appID: tenant.appID, tier: tenant.tier,
            subject: "apikey/\(keyID.rawValue)", roles: [AuthorisedCaller.machineRole], usageKeyID: tenant.apiKeyID?.rawValue
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
    /// stage prefix on the default endpoint). The event carries no body, so
    /// the payload hash is the client's `x-amz-content-sha256` (a hex digest
    /// or `UNSIGNED-PAYLOAD`), else that of an empty body.
    static func signedRequest(_ event: APIGatewayAuthorizerRequest) -> HTTPRequest {
        var headers = HTTPHeaders()
        for (name, value) in (event.headers ?? [:]).sorted(by: { $0.key < $1.key }) { headers.add(name, value) }
        let host = event.header("host") ?? ""
        return HTTPRequest(
            method: event.httpMethod, scheme: "https", authority: host, path: event.requestContext.path,
            query: canonicalQuery(event.queryStringParameters ?? [:]), headers: headers
        )
    }

    /// Re-encodes decoded query parameters (the verifier canonicalises order and encoding again).
    static func canonicalQuery(_ parameters: [String: String]) -> String {
        parameters.sorted { $0.key < $1.key }.map { "\(percentEncoded($0.key))=\(percentEncoded($0.value))" }.joined(separator: "&")
    }

    private static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
