import COpenSSL
import FoundationEssentials

/// Verifies a header-signed SigV4 request by recomputing its signature
/// with the secret of the access key it names.
///
/// Use: `let authorization = try SigV4Verifier.authorization(of: request)`,
/// look up the secret for `authorization.accessKeyID`, then
/// `try verifier.verify(request, authorization: authorization, secretAccessKey: secret, now: now)`.
public struct SigV4Verifier: Sendable {
    public let region: String
    public let service: String
    /// Lowercase names that must appear in SignedHeaders (and in the request).
    public let requiredSignedHeaders: [String]
    /// How far x-amz-date may be from `now`, either way, in seconds.
    public let allowedClockSkew: TimeInterval
    package let options: SigV4Options

    public init(region: String, service: String, requiredSignedHeaders: [String] = ["host", "x-amz-date"], allowedClockSkew: TimeInterval = 300) {
        self.region = region
        self.service = service
        self.requiredSignedHeaders = requiredSignedHeaders.map { $0.lowercased() }
        self.allowedClockSkew = allowedClockSkew
        options = SigV4Options(service: service)
    }

    /// Parses the request's Authorization header.
    public static func authorization(of request: HTTPRequest) throws(SigV4VerificationError) -> SigV4Authorization {
        guard let header = request.headers["authorization"] else { throw .malformed(.header) }
        return try SigV4Authorization(header: header)
    }

    /// Throws unless `authorization` is a valid signature of `request` under
    /// `secretAccessKey`, for this verifier's region and service, dated within
    /// the allowed skew of `now`, covering every required header.
    public func verify(
        _ request: HTTPRequest, authorization: SigV4Authorization, secretAccessKey: String, now: Date
    ) throws(SigV4VerificationError) {
        let timestamp = try checkedTimestamp(request, authorization: authorization, now: now)
        let headers: SigV4CanonicalHeaders
        switch SigV4CanonicalHeaders.selecting(authorization.signedHeaders, from: request.headers, authority: request.authority) {
        case .success(let selected): headers = selected
        case .failure(let missing): throw .missingSignedHeader(missing.name)
        }
        // The client's declared payload hash (a hex digest or UNSIGNED-PAYLOAD), else the body's.
        let payloadHash = request.headers["x-amz-content-sha256"] ?? SigV4Signer.payloadHash(.signed, body: request.body)
        let canonical = SigV4CanonicalRequest(
            method: request.method, path: request.path, query: request.query,
            headers: headers, payloadHash: payloadHash, options: options
        )
        let signingKey = SigV4SigningKeyCache.shared.signingKey(
            secret: secretAccessKey, dateStamp: timestamp.dateStamp, region: region, service: service
        )
        let expected = SigV4Signature(canonicalRequest: canonical, amzDate: timestamp.amzDate, signingKey: signingKey)
        guard Self.constantTimeEquals(expected.signature, authorization.signature) else { throw .signatureMismatch }
    }

    /// The checks that need no secret: scope, date and required signed
    /// headers. Run them before looking up a key, so a probe with a stale date
    /// or another scope costs no read; ``verify(_:authorization:secretAccessKey:now:)`` repeats them.
    public func precheck(_ request: HTTPRequest, authorization: SigV4Authorization, now: Date) throws(SigV4VerificationError) {
        _ = try checkedTimestamp(request, authorization: authorization, now: now)
    }

    private func checkedTimestamp(
        _ request: HTTPRequest, authorization: SigV4Authorization, now: Date
    ) throws(SigV4VerificationError) -> SigV4Timestamp {
        guard authorization.service == service else { throw .credentialScopeMismatch(.service) }
        guard authorization.region == region else { throw .credentialScopeMismatch(.region) }
        guard let amzDate = request.headers["x-amz-date"], let timestamp = SigV4Timestamp(amzDate: amzDate) else {
            throw .malformed(.date)
        }
        guard timestamp.dateStamp == authorization.dateStamp else { throw .credentialScopeMismatch(.date) }
        let skew = timestamp.date.timeIntervalSince(now)
        guard skew >= -allowedClockSkew else { throw .staleDate }
        guard skew <= allowedClockSkew else { throw .futureDate }
        for name in requiredSignedHeaders where !authorization.signedHeaders.contains(name) {
            throw .missingSignedHeader(name)
        }
        return timestamp
    }

    /// Parses the Authorization header and verifies it in one step, for
    /// callers that already know the secret; returns what was verified.
    @discardableResult
    public func verify(_ request: HTTPRequest, secretAccessKey: String, now: Date) throws(SigV4VerificationError) -> SigV4Authorization {
        let authorization = try Self.authorization(of: request)
        try verify(request, authorization: authorization, secretAccessKey: secretAccessKey, now: now)
        return authorization
    }

    /// Compares without an early exit, so timing does not reveal how many
    /// leading characters of a forged signature were right.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                left.count == right.count && CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
