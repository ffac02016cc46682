/// Stores answered calls: the I/O seam in front of the idempotency table.
protocol IdempotencyStore: Sendable {
    /// The record stored under `key`, if any (expired or not: the caller checks).
    func record(forKey key: String) async throws -> IdempotencyRecord?
    /// Stores `record` unless a live one exists; false when one did.
    func saveIfAbsent(_ record: IdempotencyRecord, forKey key: String, now: Int) async throws -> Bool
}
