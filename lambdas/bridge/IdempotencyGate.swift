import COpenSSL
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// `Idempotency-Key` for invoke: a repeat from the same user (subject and
/// application) of the same tenant for the same agent within 24 h replays the
/// first answer; a repeat in flight is 409; the same key with another body is
/// 422. Another user's equal key is another key (ADR 0027). Failed
/// invocations release the key.
struct IdempotencyGate: Sendable {
    let store: any IdempotencyStore
    let now: @Sendable () -> Date

    /// What to do with a request.
    enum Decision: Sendable {
        /// No key: just run.
        case run
        /// The key is ours now: run, then `complete` or `release`.
        case claimed(IdempotencyRecord)
        /// Answer this (the first outcome) without running.
        case replay(APIGatewayProxyResponse)
    }

    /// The stored answer: status and JSON body.
    struct StoredAnswer: Codable, Sendable {
        var statusCode: Int
        var body: String
    }

    func begin(clientKey: String?, caller: Caller, agent: AgentName, body: Data?) async throws -> Decision {
        guard let clientKey else { return .run }
        guard (try? IdempotencyKey(validating: clientKey)) != nil else {
            throw APIError.invalid([.init(field: "Idempotency-Key", message: "must be 1-255 printable ASCII characters without spaces")])
        }
        let record = IdempotencyRecord(tenantID: caller.tenantID, idempotencyKey: try Self.storedKey(clientKey, caller: caller, agent: agent),
                                       now: now(), requestHash: Self.sha256Hex([UInt8](body ?? Data())))
        switch try await store.claim(record, now: now()) {
        case .claimed:
            return .claimed(record)
        case .existing(let existing):
            guard existing.requestHash == record.requestHash else {
                throw APIError(.unprocessableEntity, "This Idempotency-Key was used with a different request body.")
            }
            guard existing.status == .completed, let payload = existing.responsePayload,
                  let stored = try? JSONDecoder().decode(StoredAnswer.self, from: Data(payload.utf8)) else {
                throw APIError(.conflict, "A request with this Idempotency-Key is still in progress.")
            }
            return .replay(APIGatewayProxyResponse(statusCode: stored.statusCode,
                                                   headers: ["Content-Type": "application/json", "Cache-Control": "no-store",
                                                             "Idempotent-Replayed": "true"],
                                                   body: stored.body))
        }
    }

    func complete(_ decision: Decision, statusCode: Int, body: String) async {
        guard case .claimed(let record) = decision,
              let payload = try? JSONEncoder().encode(StoredAnswer(statusCode: statusCode, body: body)) else { return }
        try? await store.complete(record.completed(responsePayload: String(decoding: payload, as: UTF8.self)))
    }

    func release(_ decision: Decision) async {
        guard case .claimed(let record) = decision else { return }
        try? await store.release(record)
    }

    /// The stored key: a digest of (application, subject, agent, client key), so
    /// one user's key never names another's answer, and any client key fits
    /// the key rules. Each part is length-prefixed so no two tuples collide.
    static func storedKey(_ clientKey: String, caller: Caller, agent: AgentName) throws -> IdempotencyKey {
        let parts = [caller.appID, caller.subject, agent.rawValue, clientKey]
        let message = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
        return try IdempotencyKey(validating: "invoke-" + sha256Hex(Array(message.utf8)))
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in _ = SHA256(input.baseAddress, input.count, &digest) }
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
