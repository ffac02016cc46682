import DataAccess
import FoundationEssentials
import Synchronization
@testable import RequestInterceptor

/// The idempotency table in memory, keyed as DynamoDB keys it.
final class FakeIdempotencyStore: IdempotencyStore {
    struct Failure: Error {}
    private let state = Mutex<(records: [TableKey: IdempotencyRecord], failing: Bool, loseRace: IdempotencyRecord?)>(([:], false, nil))

    var records: [TableKey: IdempotencyRecord] { state.withLock { $0.records } }
    func fail() { state.withLock { $0.failing = true } }
    /// The next save finds this record already stored, as if a concurrent twin won.
    func loseNextRace(to record: IdempotencyRecord) { state.withLock { $0.loseRace = record } }
    func store(_ record: IdempotencyRecord) { state.withLock { $0.records[record.key] = record } }

    func record(tenant: TenantID, key: IdempotencyKey) async throws -> IdempotencyRecord? {
        try state.withLock { state in
            if state.failing { throw Failure() }
            return state.records[.idempotency(tenant, key)]
        }
    }

    func saveIfAbsent(_ record: IdempotencyRecord, now: Date) async throws -> Bool {
        try state.withLock { state in
            if state.failing { throw Failure() }
            if let winner = state.loseRace {
                state.records[record.key] = winner
                state.loseRace = nil
                return false
            }
            if let existing = state.records[record.key], existing.isLive(at: now) { return false }
            state.records[record.key] = record
            return true
        }
    }
}

/// A secret store holding one secret.
final class FakeSecretSource: SecretSource {
    struct Missing: Error {}
    private let state: Mutex<(values: [String: String], reads: Int)>

    init(_ values: [String: String]) { state = Mutex((values, 0)) }
    var reads: Int { state.withLock { $0.reads } }

    func secretString(id: String) async throws -> String {
        let value = state.withLock { state in
            state.reads += 1
            return state.values[id]
        }
        guard let value else { throw Missing() }
        return value
    }
}
