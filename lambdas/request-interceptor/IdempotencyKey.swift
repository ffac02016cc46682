import LambdaEvents
import PlatformJSON

/// The idempotency table key of a `tools/call`: tenant, MCP session and JSON-RPC id.
///
/// The tenant comes first so two tenants can never share a record; the session
/// id is length-prefixed and the id written as JSON (`7` and `"7"` differ), so
/// no choice of session id and request id can collide with another.
enum IdempotencyKey {
    static func make(tenantId: String, sessionId: String, requestID: JSONValue) -> String {
        "gateway#\(tenantId)#\(sessionId.utf8.count):\(sessionId)#\(requestID.serializedString)"
    }
}
