import FoundationEssentials

/// A claimed idempotency key (`platform-idempotency`, `PK` =
/// `IDEMPOTENCY#{tenantId}#{key}`). Claimed `in_progress` with a conditional
/// put, then `completed` with the response to replay.
public struct IdempotencyRecord: TableRecord, Equatable {
    public var tenantID: TenantID
    public var idempotencyKey: IdempotencyKey
    public var status: IdempotencyStatus
    /// The first response (JSON text) to return to repeats; nil while in progress.
    public var responsePayload: String?
    /// A fingerprint of the request that claimed the key (invoke: SHA-256 of
    /// the body), so a repeat with another request is told apart; nil when unused.
    public var requestHash: String?
    public var createdAt: Date
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId", idempotencyKey = "key", status, responsePayload, requestHash, createdAt, ttl
    }

    /// A new claim that expires after `window` (24 h for invoke, 300 s for the interceptor).
    public init(tenantID: TenantID, idempotencyKey: IdempotencyKey, now: Date, window: TimeInterval = Retention.idempotency,
                requestHash: String? = nil) {
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.requestHash = requestHash
        status = .inProgress
        createdAt = now
        ttl = EpochSeconds(now.addingTimeInterval(window))
    }

    public var key: TableKey { .idempotency(tenantID, idempotencyKey) }

    /// Whether the record still applies at `now` (TTL deletion can lag by days).
    public func isLive(at now: Date) -> Bool { EpochSeconds(now) < ttl }

    public func completed(responsePayload: String) -> IdempotencyRecord {
        var record = self
        record.status = .completed
        record.responsePayload = responsePayload
        return record
    }
}
