import Foundation

/// Reads a JWT's payload without verifying it (the test only inspects what the provider issued).
enum JWTClaims {
    struct Malformed: Error {}

    static func decode(_ token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { throw Malformed() }
        var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text),
              let claims = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Malformed() }
        return claims
    }
}
