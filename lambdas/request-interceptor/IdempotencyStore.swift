import DataAccess
import FoundationEssentials

/// Stores answered calls: the I/O seam in front of the idempotency table.
protocol IdempotencyStore: Sendable {
    /// The record stored under `key` for `tenant`, if any (live or not: the caller checks).
    func record(tenant: TenantID, key: IdempotencyKey) async throws -> IdempotencyRecord?
    /// Stores `record` unless a live one exists at `now`; false when one did.
    func saveIfAbsent(_ record: IdempotencyRecord, now: Date) async throws -> Bool
}
