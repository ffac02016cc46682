import FoundationEssentials

/// Signs requests with AWS Signature Version 4, in the Authorization header
/// (`sign`) or in the query string (`presign`).
///
/// Pure: the time is an argument and nothing is read from the environment.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4.html
public struct SigV4Signer: Sendable {
    public let credentials: AWSCredentials
    public let region: String
    public let service: String
    package let options: SigV4Options

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.init(credentials: credentials, region: region, service: service, options: SigV4Options(service: service))
    }

    package init(credentials: AWSCredentials, region: String, service: String, options: SigV4Options) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// Adds host (if absent), x-amz-date, x-amz-security-token (when a session token exists), x-amz-content-sha256 (for service "s3", or when asked), and Authorization.
    public func sign(_ request: inout HTTPRequest, date: Date, payload: SigV4Payload = .signed) {
        _ = signHeaders(&request, date: date, payload: payload)
    }

    /// A presigned (query-signed) copy of the request valid for `expires` seconds.
    public func presign(_ request: HTTPRequest, date: Date, expires: Int) -> HTTPRequest {
        var presigned = request
        _ = signQuery(&presigned, date: date, expires: expires)
        return presigned
    }

    /// `sign`, returning the intermediate stages for tests.
    func signHeaders(_ request: inout HTTPRequest, date: Date, payload: SigV4Payload) -> SigV4Signature {
        let timestamp = SigV4Timestamp(date)
        let payloadHash = Self.payloadHash(payload, body: request.body)
        let token = credentials.sessionToken
        let addsContentHash = options.addsContentSHA256Header
        request.headers.removeAll { name in
            name.equalsIgnoringASCIICase(lowercase: "authorization") || name.equalsIgnoringASCIICase(lowercase: "x-amz-date")
                || (token != nil && name.equalsIgnoringASCIICase(lowercase: "x-amz-security-token"))
                || (addsContentHash && name.equalsIgnoringASCIICase(lowercase: "x-amz-content-sha256"))
        }
        if !request.headers.contains(lowercaseName: "host") {
            request.headers.add("Host", request.authority)
        }
        if let token {
            request.headers.add("X-Amz-Security-Token", token)
        }
        request.headers.add("X-Amz-Date", timestamp.amzDate)
        if options.addsContentSHA256Header {
            request.headers.add("x-amz-content-sha256", payloadHash)
        }
        let headers = SigV4CanonicalHeaders(
            signing: request.headers, authority: request.authority, excludingSessionToken: !options.signsSessionToken
        )
        let canonical = SigV4CanonicalRequest(
            method: request.method, path: request.path, query: request.query,
            headers: headers, payloadHash: payloadHash, options: options
        )
        let signingKey = signingKey(timestamp)
        let signature = SigV4Signature(canonicalRequest: canonical, amzDate: timestamp.amzDate, signingKey: signingKey)
        let scope = signingKey.scope
        var authorization: [UInt8] = []
        authorization.reserveCapacity(128 + credentials.accessKeyID.utf8.count + scope.utf8.count + headers.signedHeaders.count)
        authorization.append(contentsOf: "\(SigV4Signature.algorithm) Credential=".utf8)
        authorization.append(contentsOf: credentials.accessKeyID.utf8)
        authorization.append(UInt8(ascii: "/"))
        authorization.append(contentsOf: scope.utf8)
        authorization.append(contentsOf: ", SignedHeaders=".utf8)
        authorization.append(contentsOf: headers.signedHeaders)
        authorization.append(contentsOf: ", Signature=".utf8)
        authorization.append(contentsOf: signature.signature.utf8)
        request.headers.add("Authorization", String(decoding: authorization, as: UTF8.self))
        return signature
    }

    /// `presign`, returning the intermediate stages for tests.
    /// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
    func signQuery(_ request: inout HTTPRequest, date: Date, expires: Int) -> SigV4Signature {
        let timestamp = SigV4Timestamp(date)
        let payloadHash = Self.payloadHash(options.presignedPayload, body: request.body)
        let headers = SigV4CanonicalHeaders(signing: request.headers, authority: request.authority)
        let signingKey = signingKey(timestamp)
        let scope = signingKey.scope
        var parameters: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", SigV4Signature.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope)"),
            ("X-Amz-Date", timestamp.amzDate),
            ("X-Amz-SignedHeaders", headers.signedHeadersText),
            ("X-Amz-Expires", String(expires)),
        ]
        if let token = credentials.sessionToken {
            parameters.append(("X-Amz-Security-Token", token))
        }
        // An omitted token is still sent, just not covered by the signature.
        let signedParameters = credentials.sessionToken != nil && !options.signsSessionToken ? parameters.dropLast() : parameters[...]
        let canonical = SigV4CanonicalRequest(
            method: request.method, path: request.path, query: request.query, addedQuery: Array(signedParameters),
            headers: headers, payloadHash: payloadHash, options: options
        )
        let signature = SigV4Signature(canonicalRequest: canonical, amzDate: timestamp.amzDate, signingKey: signingKey)
        parameters.append(("X-Amz-Signature", signature.signature))
        var query = request.query
        for (name, value) in parameters {
            if !query.isEmpty { query.append("&") }
            query.append("\(name)=\(SigV4URIEncoding.encoded(value))")
        }
        request.query = query
        return signature
    }

    private func signingKey(_ timestamp: SigV4Timestamp) -> SigV4SigningKey {
        SigV4SigningKeyCache.shared.signingKey(
            secret: credentials.secretAccessKey, dateStamp: timestamp.dateStamp, region: region, service: service
        )
    }

    static func payloadHash(_ payload: SigV4Payload, body: Data) -> String {
        switch payload {
        case .signed: body.withUnsafeBytes { SHA256Hasher.hash($0).hex }
        case .unsigned: SigV4Payload.unsignedPayloadMarker
        case .precomputed(let hash): hash
        }
    }
}
