import COpenSSL
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// `Idempotency-Key` for invoke: a repeat from the same tenant for the same
/// agent within 24 h replays the first answer; a repeat in flight is 409; the
/// same key with another body is 422. Failed invocations release the key.
struct IdempotencyGate: Sendable {
    let store: any IdempotencyStore
    let now: @Sendable () -> Date

    /// What to do with a request.
    enum Decision: Sendable {
        /// No key: just run.
        case run
        /// The key is ours now: run, then `complete` or `release`.
        case claimed(IdempotencyRecord, requestHash: String)
        /// Answer this (the first outcome) without running.
        case replay(APIGatewayProxyResponse)
    }

    /// The stored answer: status and JSON body.
    struct StoredAnswer: Codable, Sendable {
        var statusCode: Int
        var body: String
    }

    func begin(clientKey: String?, tenantID: TenantID, agent: AgentName, body: Data?) async throws -> Decision {
        guard let clientKey else { return .run }
        guard (try? IdempotencyKey(validating: clientKey)) != nil else {
            throw APIError.invalid([.init(field: "Idempotency-Key", message: "must be 1-255 printable ASCII characters without spaces")])
        }
        // The stored key is a digest of (agent, client key), so any client key fits the key rules.
        let key = try IdempotencyKey(validating: "invoke-" + Self.sha256Hex(Array("\(agent.rawValue)\n\(clientKey)".utf8)))
        let record = IdempotencyRecord(tenantID: tenantID, idempotencyKey: key, now: now())
        let requestHash = Self.sha256Hex([UInt8](body ?? Data()))
        switch try await store.claim(record, requestHash: requestHash, now: now()) {
        case .claimed:
            return .claimed(record, requestHash: requestHash)
        case .existing(let existing, let existingHash):
            guard existingHash == requestHash else {
                throw APIError(.unprocessableEntity, "This Idempotency-Key was used with a different request body.")
            }
            guard existing.status == .completed, let payload = existing.responsePayload,
                  let stored = try? JSONDecoder().decode(StoredAnswer.self, from: Data(payload.utf8)) else {
                throw APIError(.conflict, "A request with this Idempotency-Key is still in progress.")
            }
            return .replay(APIGatewayProxyResponse(statusCode: stored.statusCode,
                                                   headers: APIResponse.standardHeaders([
                                                       "Content-Type": "application/json", "Cache-Control": "no-store",
                                                       "Idempotent-Replayed": "true"]),
                                                   body: stored.body))
        }
    }

    func complete(_ decision: Decision, statusCode: Int, body: String) async {
        guard case .claimed(let record, let hash) = decision,
              let payload = try? JSONEncoder().encode(StoredAnswer(statusCode: statusCode, body: body)) else { return }
        try? await store.complete(record.completed(responsePayload: String(decoding: payload, as: UTF8.self)),
                                  requestHash: hash)
    }

    func release(_ decision: Decision) async {
        guard case .claimed(let record, _) = decision else { return }
        try? await store.release(record)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in _ = SHA256(input.baseAddress, input.count, &digest) }
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
