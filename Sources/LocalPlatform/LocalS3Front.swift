import AWSCore
import FoundationEssentials

/// The local stack's S3 endpoint for the functions that hand out download
/// URLs (docs/decisions/0032). moto checks header signatures but not
/// presigned (query-string) ones, so a presigned URL made against moto fails.
/// This front makes them work as on AWS: it verifies every request with the
/// project's own `SigV4Verifier` - a presigned one by turning its query
/// parameters into the equivalent Authorization header - refuses expired,
/// not-yet-valid or altered ones with S3's 403 XML errors, and relays what it
/// verified to moto, re-signed with the same credentials.
struct LocalS3Front: Sendable {
    struct Response: Sendable, Equatable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        static func == (lhs: Response, rhs: Response) -> Bool {
            lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.elementsEqual(rhs.headers) { $0 == $1 }
        }
    }

    /// Headers relayed from moto's answer (everything else is moto's business).
    static let relayedHeaders = ["content-type", "etag", "last-modified", "x-amz-request-id", "content-range", "accept-ranges"]
    /// Headers relayed to moto (besides the ones the re-signing sets).
    static let forwardedHeaders = ["content-type", "content-md5", "range", "if-match", "if-none-match"]

    let region: String
    /// The local stack's one key pair: the functions sign with it, so it is the only key the front knows.
    let credentials: any CredentialProvider
    /// moto's S3 endpoint.
    let upstream: AWSEndpoint
    let transport: any HTTPTransport
    let now: @Sendable () -> Date
    let requestID: @Sendable () -> String

    func handle(method: String, target: String, headers: [(String, String)], body: [UInt8]) async -> Response {
        let id = requestID()
        do {
            let credentials = try await credentials.credentials()
            let request = try verified(method: method, target: target, headers: headers, body: body, credentials: credentials)
            return await relay(request, credentials: credentials, requestID: id)
        } catch let error as S3FrontError {
            return Response(status: error.status, headers: [("Content-Type", "application/xml"), ("x-amz-request-id", id)],
                            body: Array(error.xml(requestID: id).utf8))
        } catch {
            return Response(status: 500, headers: [("Content-Type", "application/xml")],
                            body: Array(S3FrontError.malformed("internal error").xml(requestID: id).utf8))
        }
    }

    /// The request as verified: a presigned URL (GET/HEAD) or a header-signed request.
    func verified(method: String, target: String, headers: [(String, String)], body: [UInt8],
                  credentials: AWSCredentials) throws(S3FrontError) -> HTTPRequest {
        let path = String(target.prefix { $0 != "?" })
        let query = target.count > path.count ? String(target.dropFirst(path.count + 1)) : ""
        let fields = HTTPHeaders(headers)
        let authority = fields["host"] ?? ""
        guard let presigned = try PresignedQuery(rawQuery: query) else {
            let request = HTTPRequest(method: method, scheme: "http", authority: authority, path: path, query: query,
                                      headers: fields, body: Data(body))
            try verify(request, verifier: SigV4Verifier(region: region, service: "s3"), credentials: credentials)
            return request
        }
        guard method == "GET" || method == "HEAD" else { throw .methodNotAllowed }
        guard let date = presigned.date else { throw .malformed("X-Amz-Date is malformed") }
        let age = now().timeIntervalSince(date)
        guard age <= TimeInterval(presigned.expires) else { throw .expired }
        guard age >= -300 else { throw .notYetValid }
        // The presigned request as the header verifier sees it: the signed query (X-Amz-* parameters included,
        // signature excluded), the equivalent Authorization header, and S3's unsigned payload for presigned URLs.
        var signedFields = fields
        signedFields.set("Authorization", presigned.authorizationHeader)
        signedFields.set("X-Amz-Date", presigned.amzDate)
        signedFields.set("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
        let request = HTTPRequest(method: method, scheme: "http", authority: authority, path: path, query: presigned.signedQuery,
                                  headers: signedFields)
        // The date window was checked above against X-Amz-Expires; the verifier's skew must not cut it shorter.
        try verify(request, verifier: SigV4Verifier(region: region, service: "s3", requiredSignedHeaders: ["host"],
                                                    allowedClockSkew: TimeInterval(PresignedQuery.maxExpires)),
                   credentials: credentials)
        var relayed = request
        relayed.query = Self.withoutAuthParameters(query)
        relayed.headers = HTTPHeaders(headers)
        return relayed
    }

    private func verify(_ request: HTTPRequest, verifier: SigV4Verifier, credentials: AWSCredentials) throws(S3FrontError) {
        let authorization: SigV4Authorization
        do {
            authorization = try SigV4Verifier.authorization(of: request)
        } catch {
            throw .malformed("the request is neither presigned nor signed (\(error.code))")
        }
        guard authorization.accessKeyID == credentials.accessKeyID else { throw .unknownAccessKey }
        do {
            try verifier.verify(request, authorization: authorization, secretAccessKey: credentials.secretAccessKey, now: now())
        } catch {
            throw .signatureMismatch(error.code)
        }
    }

    /// The verified request, re-signed for moto, and moto's answer.
    private func relay(_ request: HTTPRequest, credentials: AWSCredentials, requestID: String) async -> Response {
        var upstreamRequest = HTTPRequest(method: request.method, scheme: upstream.scheme, authority: upstream.authority,
                                          path: upstream.basePath + request.path, query: request.query, body: request.body)
        for name in Self.forwardedHeaders {
            if let value = request.headers[name] { upstreamRequest.headers.set(name, value) }
        }
        SigV4Signer(credentials: credentials, region: region, service: "s3").sign(&upstreamRequest, date: now())
        guard let answer = try? await transport.send(upstreamRequest) else {
            return Response(status: 503, headers: [("Content-Type", "application/xml")], body: Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>ServiceUnavailable</Code><Message>moto did not answer</Message><RequestId>\(requestID)</RequestId></Error>".utf8))
        }
        var headers: [(String, String)] = []
        for name in Self.relayedHeaders {
            if let value = answer.headers[name] { headers.append((name, value)) }
        }
        return Response(status: answer.status, headers: headers, body: request.method == "HEAD" ? [] : Array(answer.body))
    }

    /// The query without the query-string authentication parameters (what remains is the S3 operation's own).
    static func withoutAuthParameters(_ query: String) -> String {
        query.split(separator: "&").filter { !$0.hasPrefix("X-Amz-") }.joined(separator: "&")
    }
}
