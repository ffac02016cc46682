import AWSCore
import DataAccess
import PlatformJSON

extension IdempotencyKey {
    /// The key of a `tools/call`: MCP session and JSON-RPC id, bound to the
    /// caller (tenant, app, acting user) and the tool, hashed.
    ///
    /// The tenant is also the record's partition; folding it, the app and the
    /// user in means a stored grant can only ever be replayed to the same caller
    /// calling the same tool. Each field is length-prefixed and the id written
    /// as JSON (`7` and `"7"` differ), so no two calls share a key.
    static func toolCall(
        sessionID: String, requestID: JSONValue, tenantID: TenantID, appID: String, actingSub: String, toolName: String
    ) -> IdempotencyKey {
        var canonical: [UInt8] = []
        for field in [sessionID, requestID.serializedString, tenantID.rawValue, appID, actingSub, toolName] {
            canonical.append(contentsOf: "\(field.utf8.count):".utf8)
            canonical.append(contentsOf: field.utf8)
        }
        // 4 + 64 printable ASCII characters: always a valid key.
        return try! IdempotencyKey(validating: "mcp:" + SHA256.hexDigest(of: canonical))
    }
}
