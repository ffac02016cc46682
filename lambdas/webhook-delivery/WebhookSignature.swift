import COpenSSL
import FoundationEssentials

/// `X-Platform-Signature: t={unix},v1={hex HMAC-SHA256(secret, "{t}.{body}")}`
/// (ADR 0014), with one `v1` per signing secret: after a rotation the new
/// secret's first, then the previous one's until its 24 h grace ends (ADR 0031).
enum WebhookSignature {
    static func header(secrets: [String], body: Data, timestamp: Int64) -> String {
        let message = Array("\(timestamp).".utf8) + [UInt8](body)
        return (["t=\(timestamp)"] + secrets.map { "v1=\(hmacHex(key: Array($0.utf8), message: message))" })
            .joined(separator: ",")
    }

    static func hmacHex(key: [UInt8], message: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { key in
            message.withUnsafeBufferPointer { message in
                _ = HMAC(EVP_sha256(), key.baseAddress, Int32(key.count), message.baseAddress, message.count,
                         &digest, &length)
            }
        }
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: digest.prefix(Int(length)).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
