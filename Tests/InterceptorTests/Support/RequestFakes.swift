import FoundationEssentials
import LambdaEvents
import Synchronization
@testable import RequestInterceptor
import PlatformJSON

/// The idempotency table in memory.
final class FakeIdempotencyStore: IdempotencyStore {
    struct Failure: Error {}
    private let state = Mutex<(records: [String: IdempotencyRecord], failing: Bool, loseRace: IdempotencyRecord?)>(([:], false, nil))

    var records: [String: IdempotencyRecord] { state.withLock { $0.records } }
    func fail() { state.withLock { $0.failing = true } }
    /// The next save finds this record already stored, as if a concurrent twin won.
    func loseNextRace(to record: IdempotencyRecord) { state.withLock { $0.loseRace = record } }

    func record(forKey key: String) async throws -> IdempotencyRecord? {
        try state.withLock { state in
            if state.failing { throw Failure() }
            return state.records[key]
        }
    }

    func saveIfAbsent(_ record: IdempotencyRecord, forKey key: String, now: Int) async throws -> Bool {
        try state.withLock { state in
            if state.failing { throw Failure() }
            if let winner = state.loseRace {
                state.records[key] = winner
                state.loseRace = nil
                return false
            }
            if let existing = state.records[key], existing.expiresAt > now { return false }
            state.records[key] = record
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

/// Records what it signs: the "token" is `fake.<claims JSON>.<key length>`.
enum RecordingSigner {
    static let sign: ScopedTokenIssuer.Sign = { claims, key in "fake.\(claims.serializedString).\(key.count)" }

    static func claims(in authorization: String?) throws -> JSONValue? {
        guard let authorization, authorization.hasPrefix("Bearer fake.") else { return nil }
        let text = authorization.dropFirst("Bearer fake.".count)
        guard let end = text.lastIndex(of: ".") else { return nil }
        return try JSONParser().parse(String(text[..<end]))
    }
}
