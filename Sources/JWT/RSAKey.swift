import COpenSSL
import FoundationEssentials

/// An RSA key held by OpenSSL: public only (from a JWK) or a key pair (from
/// PEM or generated). The audited `@unchecked Sendable` wrapper of a C
/// handle: the EVP_PKEY is never mutated after init, and OpenSSL 3 allows
/// concurrent sign/verify on a shared key.
public final class RSAKey: @unchecked Sendable {
    let key: OpaquePointer

    private init(key: OpaquePointer) {
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// A public key from a JWK's big-endian modulus and exponent (RFC 7518 6.3.1).
    public convenience init(modulus: [UInt8], exponent: [UInt8]) throws(JWTError) {
        // Below 2048 bits RS256 is not safe; OpenSSL would accept it.
        guard modulus.drop(while: { $0 == 0 }).count >= 256, exponent.contains(where: { $0 != 0 }) else {
            throw .invalidKey("an RS256 key needs a modulus of at least 2048 bits and a non-zero exponent")
        }
        let n = BN_bin2bn(modulus, Int32(modulus.count), nil)
        let e = BN_bin2bn(exponent, Int32(exponent.count), nil)
        let builder = OSSL_PARAM_BLD_new()
        defer {
            BN_free(n)
            BN_free(e)
            OSSL_PARAM_BLD_free(builder)
        }
        guard OSSL_PARAM_BLD_push_BN(builder, COPENSSL_PKEY_PARAM_RSA_N, n) == 1, OSSL_PARAM_BLD_push_BN(builder, COPENSSL_PKEY_PARAM_RSA_E, e) == 1,
              let params = OSSL_PARAM_BLD_to_param(builder) else { throw .cryptoFailure("build RSA key parameters") }
        defer { OSSL_PARAM_free(params) }
        let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil)
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_fromdata_init(context) == 1, EVP_PKEY_fromdata(context, &key, COPENSSL_EVP_PKEY_PUBLIC_KEY, params) == 1,
              let key else { throw .cryptoFailure("create an RSA public key") }
        self.init(key: key)
    }

    /// A private key from PEM (PKCS #8 `PRIVATE KEY` or PKCS #1 `RSA PRIVATE KEY`).
    public convenience init(privateKeyPEM pem: String) throws(JWTError) {
        var pem = pem
        let parsed: OpaquePointer? = pem.withUTF8 { bytes in
            let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count))
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let parsed else { throw .invalidKey("the PEM is not a private key") }
        guard EVP_PKEY_is_a(parsed, "RSA") == 1, EVP_PKEY_get_bits(parsed) >= 2048 else {
            EVP_PKEY_free(parsed)
            throw .invalidKey("the private key is not RSA of at least 2048 bits")
        }
        self.init(key: parsed)
    }

    /// A fresh key pair from OpenSSL's CSPRNG.
    public static func generate(bits: Int = 2048) throws(JWTError) -> RSAKey {
        let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil)
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard bits >= 2048, EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1,
              EVP_PKEY_generate(context, &key) == 1, let key else { throw .cryptoFailure("generate an RSA key of \(bits) bits") }
        return RSAKey(key: key)
    }

    /// Whether the private half is present (so `sign` can work).
    public var isPrivate: Bool {
        var d: OpaquePointer?
        defer { BN_clear_free(d) }
        return EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_D, &d) == 1
    }

    /// The big-endian modulus and public exponent, as a JWK carries them.
    public var publicComponents: (modulus: [UInt8], exponent: [UInt8]) {
        (bigEndianBytes(OSSL_PKEY_PARAM_RSA_N), bigEndianBytes(OSSL_PKEY_PARAM_RSA_E))
    }

    /// The private key as PKCS #8 PEM, for the local identity provider's key file.
    public var privateKeyPEM: String {
        get throws(JWTError) {
            let bio = BIO_new(BIO_s_mem())
            defer { BIO_free(bio) }
            guard isPrivate, PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1 else { throw .invalidKey("no private key to export") }
            var data: UnsafeMutablePointer<CChar>?
            let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data)
            return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        }
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256 (RS256) over `message`.
    func sign(_ message: [UInt8]) throws(JWTError) -> [UInt8] {
        guard isPrivate else { throw .invalidKey("signing needs a private key") }
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        var length = 0
        guard EVP_DigestSignInit_ex(context, nil, "SHA256", nil, nil, key, nil) == 1,
              EVP_DigestSign(context, nil, &length, message, message.count) == 1 else { throw .cryptoFailure("sign") }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else { throw .cryptoFailure("sign") }
        return Array(signature.prefix(length))
    }

    /// Whether `signature` is a valid RS256 signature of `message` under this key.
    func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit_ex(context, nil, "SHA256", nil, nil, key, nil) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }

    private func bigEndianBytes(_ name: String) -> [UInt8] {
        var number: OpaquePointer?
        defer { BN_free(number) }
        guard EVP_PKEY_get_bn_param(key, name, &number) == 1 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
        BN_bn2bin(number, &bytes)
        return bytes
    }
}
