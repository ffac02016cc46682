import COpenSSL

/// HMAC-SHA256 for HS256 tokens, with a constant-time check.
enum HMACSHA256 {
    static func authenticationCode(for message: [UInt8], key: [UInt8]) throws(JWTError) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &code, &length) != nil else { throw .cryptoFailure("compute an HMAC") }
        return code
    }

    /// Compares without an early exit, so timing does not reveal how much of a forged MAC was right.
    static func isValid(_ code: [UInt8], for message: [UInt8], key: [UInt8]) throws(JWTError) -> Bool {
        let expected = try authenticationCode(for: message, key: key)
        return code.count == expected.count && CRYPTO_memcmp(code, expected, expected.count) == 0
    }
}
