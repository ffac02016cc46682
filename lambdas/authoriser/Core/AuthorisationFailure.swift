/// Why the authoriser refused a request. Each case has a stable code for logs
/// and metrics; none carries a token, signature, secret or claim value.
public enum AuthorisationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    // 401: the credentials are absent, malformed or do not verify.
    case missingCredentials
    case oversizedCredentials
    case unsupportedScheme
    /// The bearer token was rejected; the associated value is the validator's code (e.g. `expired`).
    case token(String)
    /// The SigV4 signature was rejected; the associated value is the verifier's code.
    case signature(String)
    case missingTenantHeader
    /// A claim or header names something that is not a tenant id.
    case malformedTenantID
    /// No active API key with this id exists for the named tenant.
    case unknownAPIKey
    /// The key id is not the tenant's current key (rotated).
    case staleAPIKey
    /// A record or secret the decision needs could not be read.
    case dependencyUnavailable(String)

    // 403: the credentials are valid, the policy says no.
    case tenantNotFound
    case tenantNotActive
    case keyTenantMismatch

    /// Whether API Gateway should answer 401 (`Unauthorized`) rather than a Deny policy (403).
    public var isUnauthorized: Bool {
        switch self {
        case .tenantNotFound, .tenantNotActive, .keyTenantMismatch: false
        default: true
        }
    }

    public var code: String {
        switch self {
        case .missingCredentials: "credentials.missing"
        case .oversizedCredentials: "credentials.oversized"
        case .unsupportedScheme: "credentials.unsupported_scheme"
        case .token(let code): "jwt.\(code)"
        case .signature(let code): code.hasPrefix("sigv4.") ? code : "sigv4.\(code)"
        case .missingTenantHeader: "sigv4.missing_tenant_header"
        case .malformedTenantID: "tenant.malformed_id"
        case .unknownAPIKey: "apikey.unknown"
        case .staleAPIKey: "apikey.stale"
        case .dependencyUnavailable(let what): "dependency.\(what)_unavailable"
        case .tenantNotFound: "tenant.not_found"
        case .tenantNotActive: "tenant.not_active"
        case .keyTenantMismatch: "apikey.tenant_mismatch"
        }
    }

    public var description: String { code }
}

/// What the function fails with for bad credentials: API Gateway turns an
/// error whose message is exactly `Unauthorized` into a 401.
public struct Unauthorized: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: AuthorisationFailure

    public init(reason: AuthorisationFailure) { self.reason = reason }

    public var description: String { "Unauthorized" }
}
