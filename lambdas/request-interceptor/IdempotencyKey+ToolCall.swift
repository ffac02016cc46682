import AWSCore
import DataAccess
import PlatformJSON

extension IdempotencyKey {
    /// The key of a `tools/call` within its tenant (the tenant is the record's
    /// partition): MCP session, JSON-RPC id, acting user and tool, hashed.
    ///
    /// Folding the user and tool in means a replay can only ever answer the
    /// same user calling the same tool; each field is length-prefixed and the
    /// id written as JSON (`7` and `"7"` differ), so no two calls share a key.
    static func toolCall(sessionID: String, requestID: JSONValue, actingSub: String, toolName: String) -> IdempotencyKey {
        var canonical: [UInt8] = []
        for field in [sessionID, requestID.serializedString, actingSub, toolName] {
            canonical.append(contentsOf: "\(field.utf8.count):".utf8)
            canonical.append(contentsOf: field.utf8)
        }
        // 4 + 64 printable ASCII characters: always a valid key.
        return try! IdempotencyKey(validating: "mcp:" + SHA256.hexDigest(of: canonical))
    }
}
