import DataAccess

/// The records behind a decision: the I/O seam between the authoriser and
/// DynamoDB / Secrets Manager (a fake in unit tests). Absent is `nil`; a
/// failed read throws `.dependencyUnavailable`.
public protocol AuthoriserDirectory: Sendable {
    func tenant(_ tenantID: TenantID) async throws(AuthorisationFailure) -> TenantStanding?
    func apiKey(_ keyID: APIKeyID, of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeyStanding?
    func apiKeySecret(of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeySecret?
}

/// The fields of a tenant's `METADATA` row the authoriser reads.
public struct TenantStanding: Sendable, Equatable {
    public var tenantID: TenantID
    public var appID: String
    public var tier: Tier
    public var status: TenantStatus
    public var apiKeyID: APIKeyID?

    public init(tenantID: TenantID, appID: String, tier: Tier, status: TenantStatus, apiKeyID: APIKeyID?) {
        self.tenantID = tenantID
        self.appID = appID
        self.tier = tier
        self.status = status
        self.apiKeyID = apiKeyID
    }

    init(_ tenant: Tenant) {
        self.init(tenantID: tenant.tenantID, appID: tenant.appID, tier: tenant.tier, status: tenant.status, apiKeyID: tenant.apiKeyID)
    }
}

/// The fields of an `APIKEY#{keyId}` row the authoriser reads.
public struct APIKeyStanding: Sendable, Equatable {
    public var keyID: APIKeyID
    public var tenantID: TenantID
    public var status: APIKeyStatus

    public init(keyID: APIKeyID, tenantID: TenantID, status: APIKeyStatus) {
        self.keyID = keyID
        self.tenantID = tenantID
        self.status = status
    }

    init(_ record: APIKeyRecord) {
        self.init(keyID: record.keyID, tenantID: record.tenantID, status: record.status)
    }
}

/// The secret `platform/tenants/{tenantId}/api-key`: `{"keyId", "secret"}`.
/// `description` never shows the secret.
public struct APIKeySecret: Sendable, Equatable, Decodable, CustomStringConvertible {
    public var keyID: String
    public var secret: String

    public init(keyID: String, secret: String) {
        self.keyID = keyID
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey { case keyID = "keyId", secret }

    public var description: String { "APIKeySecret(keyID: \(keyID), secret: <redacted>)" }

    static func secretName(of tenantID: TenantID) -> String { "platform/tenants/\(tenantID.rawValue)/api-key" }
}
