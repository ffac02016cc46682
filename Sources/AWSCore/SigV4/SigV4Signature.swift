/// Tasks 2 and 4 of SigV4: the string to sign over a canonical request, and
/// its HMAC under the derived signing key.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#create-string-to-sign
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-create-signed-request.html#calculate-signature
struct SigV4Signature: Sendable {
    static let algorithm = "AWS4-HMAC-SHA256"

    let canonicalRequest: SigV4CanonicalRequest
    /// `AWS4-HMAC-SHA256 \n amz-date \n scope \n hex(SHA-256(canonical request))`.
    let stringToSign: [UInt8]
    /// Lowercase hex HMAC-SHA256 of the string to sign.
    let signature: String

    init(canonicalRequest: SigV4CanonicalRequest, amzDate: String, signingKey: SigV4SigningKey) {
        let scope = signingKey.scope
        self.canonicalRequest = canonicalRequest
        var text: [UInt8] = []
        text.reserveCapacity(18 + 17 + scope.utf8.count + 1 + 64)
        text.append(contentsOf: Self.algorithm.utf8)
        text.append(UInt8(ascii: "\n"))
        text.append(contentsOf: amzDate.utf8)
        text.append(UInt8(ascii: "\n"))
        text.append(contentsOf: scope.utf8)
        text.append(UInt8(ascii: "\n"))
        SHA256Hasher.hash(canonicalRequest.bytes).appendHex(to: &text)
        stringToSign = text
        signature = signingKey.hmac.authenticationCode(for: text).hex
    }

    var stringToSignText: String { String(decoding: stringToSign, as: UTF8.self) }
}
