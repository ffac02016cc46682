import FoundationEssentials

/// A tenant's machine API key (`TENANT#{id}` / `APIKEY#{keyId}`). The key id
/// is the SigV4 access key id; the secret itself is in Secrets Manager.
public struct APIKeyRecord: TableRecord, Equatable {
    public var keyID: APIKeyID
    public var tenantID: TenantID
    public var secretARN: String
    public var status: APIKeyStatus
    public var createdAt: Date
    public var revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case keyID = "keyId", tenantID = "tenantId", secretARN = "secretArn", status, createdAt, revokedAt
    }

    /// A new, active key.
    public init(keyID: APIKeyID, tenantID: TenantID, secretARN: String, now: Date) {
        self.keyID = keyID
        self.tenantID = tenantID
        self.secretARN = secretARN
        status = .active
        createdAt = now
    }

    public var key: TableKey { .apiKey(tenantID, keyID) }

    public func revoked(now: Date) -> APIKeyRecord {
        var record = self
        record.status = .revoked
        record.revokedAt = now
        return record
    }
}
