import COpenSSL
import DataAccess

/// The AgentCore runtime session id for a client's session handle (ADR 0026).
///
/// AgentCore does not bind a session to its caller and every tenant shares the
/// agent runtimes, so the client's handle is never sent upstream: the id is
/// `hex(HMAC-SHA256(key, "{tenantId}\n{handle}"))`, 64 characters (AgentCore
/// accepts 33-256). Two tenants sending the same handle get different
/// sessions, and without the key no one can compute another tenant's id.
enum RuntimeSessionID {
    /// The key must carry at least 256 bits (RFC 2104 section 3: no shorter than the output).
    static let minimumKeyBytes = 32

    static func derive(tenant: TenantID, handle: SessionID, key: [UInt8]) -> String {
        let message = Array("\(tenant.rawValue)\n\(handle.rawValue)".utf8)
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &digest, &length)
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
