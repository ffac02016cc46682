/// A tenant-scoped client was asked to touch data of another tenant, or to
/// do something no tenant may do (a scan). Always a bug or an attack: it is
/// logged, counted, and the operation never reaches AWS.
public struct TenantAccessViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The tenant the client was constructed for.
    public let callerTenant: TenantID
    /// The tenant the key belongs to, or `*` for an operation on every tenant (scan).
    public let targetTenant: String
    /// The DynamoDB operation or S3 action, e.g. `GetItem`, `PutObject`.
    public let operation: String
    /// The offending key (`PK`/`SK` or S3 key). Keys carry ids, never item contents.
    public let key: String

    public var description: String {
        "TenantAccessViolation: tenant '\(callerTenant.rawValue)' attempted \(operation) on '\(key)' of tenant '\(targetTenant)'"
    }
}
