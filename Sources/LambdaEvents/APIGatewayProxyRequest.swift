import FoundationEssentials

/// The REST API (v1) Lambda proxy integration event.
///
/// `requestContext.authorizer` carries the authoriser's context; handlers take
/// the caller's tenant from there only, never from request headers.
public struct APIGatewayProxyRequest: Codable, Sendable, Equatable, HeaderLookup {
    public struct Identity: Codable, Sendable, Equatable {
        public var sourceIp: String?
        public var userAgent: String?
        public var apiKey: String?

        public init(sourceIp: String? = nil, userAgent: String? = nil, apiKey: String? = nil) {
            self.sourceIp = sourceIp
            self.userAgent = userAgent
            self.apiKey = apiKey
        }
    }

    public struct RequestContext: Codable, Sendable, Equatable {
        public var accountId: String
        public var apiId: String
        public var stage: String
        public var requestId: String
        public var resourcePath: String
        public var path: String
        public var httpMethod: String
        public var requestTimeEpoch: Int64?
        public var identity: Identity
        /// The authoriser's `context` plus `principalId`; every value a string, as API Gateway sends them.
        public var authorizer: [String: String]?

        public init(
            accountId: String, apiId: String, stage: String, requestId: String, resourcePath: String,
            path: String, httpMethod: String, requestTimeEpoch: Int64?, identity: Identity, authorizer: [String: String]?
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.stage = stage
            self.requestId = requestId
            self.resourcePath = resourcePath
            self.path = path
            self.httpMethod = httpMethod
            self.requestTimeEpoch = requestTimeEpoch
            self.identity = identity
            self.authorizer = authorizer
        }
    }

    public var resource: String
    public var path: String
    public var httpMethod: String
    public var headers: [String: String]?
    public var multiValueHeaders: [String: [String]]?
    public var queryStringParameters: [String: String]?
    public var multiValueQueryStringParameters: [String: [String]]?
    public var pathParameters: [String: String]?
    public var stageVariables: [String: String]?
    public var requestContext: RequestContext
    public var body: String?
    public var isBase64Encoded: Bool

    public init(
        resource: String, path: String, httpMethod: String, headers: [String: String]?,
        multiValueHeaders: [String: [String]]?, queryStringParameters: [String: String]?,
        multiValueQueryStringParameters: [String: [String]]?, pathParameters: [String: String]?,
        requestContext: RequestContext, body: String?, isBase64Encoded: Bool
    ) {
        self.resource = resource
        self.path = path
        self.httpMethod = httpMethod
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        self.queryStringParameters = queryStringParameters
        self.multiValueQueryStringParameters = multiValueQueryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = nil
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    /// The body bytes, decoding base64 when API Gateway encoded them.
    public var bodyData: Data? {
        guard let body else { return nil }
        return isBase64Encoded ? Data(base64Encoded: body) : Data(body.utf8)
    }
}
