import DataAccess
import FoundationEssentials

/// A new machine credential: the SigV4 access key id and its 32-byte secret.
/// Its `description` never shows the secret.
struct APIKeyMaterial: Sendable, CustomStringConvertible {
    let keyID: APIKeyID
    let secret: String

    /// `APK` + 16 upper-case hex digits, and 32 random bytes as unpadded base64url.
    init(randomBytes: (Int) -> [UInt8]) {
        let idBytes = randomBytes(8)
        let hex = idBytes.map { byte in
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        // The alphabet is letters and digits only, so validation cannot fail.
        keyID = try! APIKeyID(validating: "APK" + hex)
        secret = Base64URL.encode(randomBytes(32))
    }

    /// The Secrets Manager value `{"keyId","secret"}` the authoriser reads.
    func secretString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(["keyId": keyID.rawValue, "secret": secret]), as: UTF8.self)
    }

    var description: String { "APIKeyMaterial(keyID: \(keyID), secret: <redacted>)" }

    static func secretName(for tenant: TenantID) -> String { "platform/tenants/\(tenant.rawValue)/api-key" }
}

/// Unpadded base64url (RFC 4648 section 5).
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }
}
