import COpenSSL
import FoundationEssentials

/// `X-Platform-Signature: t={unix},v1={hex HMAC-SHA256(secret, "{t}.{body}")}` (ADR 0014).
enum WebhookSignature {
    static func header(secret: String, body: Data, timestamp: Int64) -> String {
        "t=\(timestamp),v1=\(hmacHex(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + [UInt8](body)))"
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
