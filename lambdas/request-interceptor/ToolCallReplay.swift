import AWSCore
import InterceptorKit
import PlatformJSON

/// What the idempotency table keeps of an answered `tools/call` (the record's
/// `responsePayload`): a digest of the request and the grant of its scoped
/// token. Never the token and never a header, so the table holds nothing a
/// reader could present to a tool.
struct ToolCallReplay: Sendable, Equatable {
    /// The record's payload is not one this version wrote.
    struct Unreadable: Error {}

    var requestDigest: String
    var grant: ScopedTokenGrant

    /// SHA-256 of the method and the parameters as sent (members in order,
    /// numbers as written): a retry must ask for exactly the same thing.
    static func digest(of message: MCPMessage) -> String {
        var canonical: [UInt8] = []
        for field in [message.method, message.params.map { JSONValue.object($0).serializedString } ?? "null"] {
            canonical.append(contentsOf: "\(field.utf8.count):".utf8)
            canonical.append(contentsOf: field.utf8)
        }
        return SHA256.hexDigest(of: canonical)
    }

    var payload: String {
        let document: JSONValue = [
            "requestDigest": .string(requestDigest), "jti": .string(grant.jti),
            "issuedAt": .number(JSONNumber(grant.issuedAt)),
        ]
        return document.serializedString
    }

    init(requestDigest: String, grant: ScopedTokenGrant) {
        self.requestDigest = requestDigest
        self.grant = grant
    }

    init(payload: String) throws(Unreadable) {
        guard let document = try? JSONParser().parse(Array(payload.utf8)),
              let digest = document["requestDigest"]?.stringValue,
              let jti = document["jti"]?.stringValue,
              case .number(let issued)? = document["issuedAt"], let issuedAt = issued.intValue
        else { throw Unreadable() }
        self.init(requestDigest: digest, grant: ScopedTokenGrant(jti: jti, issuedAt: issuedAt))
    }
}
