import AWSCore
import DataAccess
import FoundationEssentials
import JWT

/// Verifies an Entra ID v2 access token (SYSTEM.md 4): RS256 only, the key
/// chosen by `kid` from the issuer's JWKS, `iss`, `aud`, `exp`/`nbf`/`iat`
/// with 60 s leeway, an access token rather than an ID token (ADR 0029), and
/// the `tenantid`/`appid` claims; returns who it speaks for.
///
/// Used by the API authoriser and the gateway interceptors. One instance per
/// process: its key cache is what keeps the JWKS endpoint off the hot path.
public struct EntraTokenValidator: Sendable {
    static let requiredClaims = ["tenantid", "appid"]

    private let validator: JWTValidator
    private let keys: JWKSCache<JWKS>

    /// - Parameter transport: fetches the JWKS (`configuration.jwksURL`).
    public init(configuration: EntraConfiguration, transport: any HTTPTransport) throws(EntraAuthError) {
        guard let request = HTTPRequest(method: "GET", url: configuration.jwksURL,
                                        headers: HTTPHeaders([("Accept", "application/json")]))
        else { throw .configuration("ENTRA_JWKS_URL") }
        validator = JWTValidator(algorithm: .rs256, issuer: configuration.issuer, audience: configuration.audience,
                                 leeway: configuration.leeway.timeInterval, requiredClaims: Self.requiredClaims)
        let source = KeySetSource(request: request, transport: transport, maxBytes: configuration.maxKeySetBytes)
        keys = JWKSCache(lifetime: configuration.keySetLifetime, minimumInterval: configuration.minimumRefetchInterval) {
            () async throws(EntraAuthError) -> [String: JWKS] in try await source.fetch()
        }
    }

    /// The principal of `token` if it is valid at `now`.
    public func validate(_ token: String, now: Date) async throws(EntraAuthError) -> EntraPrincipal {
        // Structure, algorithm and kid are checked before any key is looked up,
        // so a forged header can never make the platform fetch the JWKS.
        let parsed: JWT
        do {
            parsed = try JWT(parsing: token)
        } catch {
            throw EntraAuthError(error)
        }
        guard parsed.header.alg == JWTAlgorithm.rs256.rawValue, parsed.header.crit == nil else { throw .unsupportedAlgorithm }
        guard let kid = parsed.header.kid else { throw .unknownKey }
        let keySet = try await keys.key(for: kid, at: now)
        let verified: JWT
        do {
            verified = try validator.validate(parsed, keys: keySet, now: now)
        } catch where error.code == .missingClaim {
            // Name every absent claim the validator requires (`exp` and ours), not only the first.
            let absent = (["exp"] + Self.requiredClaims).filter { parsed.claims[$0] == nil || parsed.claims[$0] == .null }
            throw .missingClaim(absent.joined(separator: ", "))
        } catch {
            throw EntraAuthError(error)
        }
        try Self.requireAccessToken(verified)
        return try EntraPrincipal(claims: verified.claims)
    }

    /// Header `typ` values of an access token: Entra's `JWT`, RFC 9068's `at+jwt`.
    static let accessTokenTypes: Set<String> = ["jwt", "at+jwt", "application/at+jwt"]

    /// ADR 0029: only an access token opens the API. An ID token proves a
    /// sign-in to a client, not a grant to call this API, even when its issuer,
    /// audience and claims would pass. Entra's ID tokens carry the client's
    /// `nonce` and no permission claim; its access tokens never carry `nonce`
    /// and always carry `scp` (delegated) or `roles` (application).
    static func requireAccessToken(_ token: JWT) throws(EntraAuthError) {
        if let type = token.header.typ, !accessTokenTypes.contains(type.lowercased()) { throw .notAnAccessToken }
        guard token.claims["nonce"] == nil else { throw .notAnAccessToken }
        let grants = ["scp", "roles"].contains { token.claims[$0] != nil && token.claims[$0] != .null }
        guard grants else { throw .notAnAccessToken }
    }

    /// Key-set fetches that failed since start-up (an operator metric).
    public var failedKeySetFetches: Int {
        get async { await keys.failedFetches }
    }
}
