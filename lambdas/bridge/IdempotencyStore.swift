import DataAccess
import FoundationEssentials

/// Invoke idempotency (`platform-idempotency`) for one tenant: claim a key
/// before the work, complete it with the answer, or release it when the work
/// failed. The record carries the request fingerprint (`requestHash`).
protocol IdempotencyStore: Sendable {
    func claim(_ record: IdempotencyRecord, now: Date) async throws -> IdempotencyClaim
    func complete(_ record: IdempotencyRecord) async throws
    func release(_ record: IdempotencyRecord) async throws
}

/// The result of trying to claim a key.
enum IdempotencyClaim: Sendable, Equatable {
    case claimed
    /// A live record exists: in progress or completed, for this or another body.
    case existing(IdempotencyRecord)
}
