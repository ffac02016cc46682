import AWSCore
import FoundationEssentials
import LambdaEvents

/// What a machine caller's SigV4 signature covered, carried from the
/// authoriser to the integration in the authoriser context (ADR 0028).
///
/// API Gateway caches the authoriser's answer on the `Authorization` header
/// alone, so a cached Allow can reach a request the signature never saw: the
/// same signature with another body, query, `x-tenant-id` or `x-amz-date`.
/// The authoriser cannot see the body at all. So it passes the signed values
/// here, and every API Lambda compares them with the request it received
/// (``verify(_:)``, called by `Caller(request:)`): one mismatch is a 401.
public struct RequestBinding: Sendable, Equatable {
    public var method: String
    /// `requestContext.path`: the path the client sent, stage prefix included.
    public var path: String
    /// SigV4's canonical query string (every name and value encoded, sorted).
    public var query: String
    public var amzDate: String
    /// The signed `x-tenant-id` header.
    public var tenantID: String
    /// The declared `x-amz-content-sha256` (64 lowercase hex digits or
    /// `UNSIGNED-PAYLOAD`); the empty body's hash when none was declared,
    /// which is what the signature was then verified with.
    public var payloadHash: String

    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// How far `x-amz-date` may be from the time API Gateway received the
    /// request, as the authoriser allows: a cached Allow never stretches it.
    public static let allowedClockSkew: TimeInterval = 300

    /// Authoriser context keys (values are strings, as API Gateway requires).
    enum Key {
        static let method = "signedMethod"
        static let path = "signedPath"
        static let query = "signedQuery"
        static let amzDate = "signedAmzDate"
        static let tenantID = "signedTenantId"
        static let payloadHash = "signedPayloadHash"
        static let all = [method, path, query, amzDate, tenantID, payloadHash]
    }

    public init(method: String, path: String, query: String, amzDate: String, tenantID: String, payloadHash: String) {
        self.method = method
        self.path = path
        self.query = query
        self.amzDate = amzDate
        self.tenantID = tenantID
        self.payloadHash = payloadHash
    }

    /// The values the authoriser verifies the signature over (its event has no body).
    public init(signed event: APIGatewayAuthorizerRequest) {
        self.init(
            method: event.httpMethod, path: event.requestContext.path,
            query: Self.canonicalQuery(event.multiValueQueryStringParameters, single: event.queryStringParameters),
            amzDate: event.header("x-amz-date") ?? "", tenantID: event.header("x-tenant-id") ?? "",
            payloadHash: event.header("x-amz-content-sha256") ?? SHA256.hexDigest(of: [])
        )
    }

    /// The binding as authoriser context members.
    public var context: [String: String] {
        [
            Key.method: method, Key.path: path, Key.query: query, Key.amzDate: amzDate,
            Key.tenantID: tenantID, Key.payloadHash: payloadHash,
        ]
    }

    /// The binding in an authoriser context; nil unless every member is there.
    public init?(context: [String: String]?) {
        guard let context, let method = context[Key.method], let path = context[Key.path], let query = context[Key.query],
              let amzDate = context[Key.amzDate], let tenantID = context[Key.tenantID],
              let payloadHash = context[Key.payloadHash] else { return nil }
        self.init(method: method, path: path, query: query, amzDate: amzDate, tenantID: tenantID, payloadHash: payloadHash)
    }

    /// Whether the context carries any binding member (then all must be there and match).
    static func isPresent(in context: [String: String]?) -> Bool {
        Key.all.contains { context?[$0] != nil }
    }

    /// Throws 401 unless `request` is the one the signature covered: same
    /// method, path, query, `x-amz-date` and `x-tenant-id`, the body's SHA-256
    /// equal to the signed hash (`UNSIGNED-PAYLOAD` only without a body), and
    /// the signed date within the allowed skew of the time of receipt.
    public static func verify(_ request: APIGatewayProxyRequest) throws(APIError) {
        let refused = APIError(.unauthenticated, "The request does not match its signature.")
        guard let bound = RequestBinding(context: request.requestContext.authorizer) else { throw refused }
        let received = RequestBinding(
            method: request.httpMethod, path: request.requestContext.path,
            query: canonicalQuery(request.multiValueQueryStringParameters, single: request.queryStringParameters),
            amzDate: request.header("x-amz-date") ?? "", tenantID: request.header("x-tenant-id") ?? "",
            payloadHash: bound.payloadHash
        )
        guard received == bound else { throw refused }
        // A body that is not valid base64 is not the body that was signed.
        guard let body = request.body == nil ? Data() : request.bodyData else { throw refused }
        if bound.payloadHash == unsignedPayload {
            guard body.isEmpty else { throw refused }
        } else {
            guard SHA256.hexDigest(of: [UInt8](body)) == bound.payloadHash else { throw refused }
        }
        guard let signedAt = SigV4Verifier.date(amzDate: bound.amzDate), let receivedAt = request.requestContext.requestTimeEpoch,
              abs(Double(receivedAt) / 1000 - signedAt.timeIntervalSince1970) <= allowedClockSkew else { throw refused }
    }

    /// SigV4's canonical query string of API Gateway's decoded parameters:
    /// every value of a repeated name (the multi-value map when present),
    /// each name and value percent-encoded as SigV4 does, sorted by name then value.
    public static func canonicalQuery(_ multi: [String: [String]]?, single: [String: String]?) -> String {
        var raw: [String] = []
        if let multi {
            for (name, values) in multi { for value in values { raw.append(pair(name, value)) } }
        } else {
            for (name, value) in single ?? [:] { raw.append(pair(name, value)) }
        }
        return SigV4Verifier.canonicalQueryString(raw.joined(separator: "&"))
    }

    private static func pair(_ name: String, _ value: String) -> String {
        SigV4Verifier.percentEncoded(name) + "=" + SigV4Verifier.percentEncoded(value)
    }
}
