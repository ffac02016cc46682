/// The REST API REQUEST authoriser event.
public struct APIGatewayAuthorizerRequest: Codable, Sendable, Equatable {
    public struct RequestContext: Codable, Sendable, Equatable {
        public var accountId: String
        public var apiId: String
        public var stage: String
        public var requestId: String
        public var resourcePath: String
        public var path: String
        public var httpMethod: String
        public var identity: APIGatewayProxyRequest.Identity

        public init(
            accountId: String, apiId: String, stage: String, requestId: String, resourcePath: String,
            path: String, httpMethod: String, identity: APIGatewayProxyRequest.Identity
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.stage = stage
            self.requestId = requestId
            self.resourcePath = resourcePath
            self.path = path
            self.httpMethod = httpMethod
            self.identity = identity
        }
    }

    public var type: String
    public var methodArn: String
    public var resource: String
    public var path: String
    public var httpMethod: String
    public var headers: [String: String]?
    public var queryStringParameters: [String: String]?
    public var pathParameters: [String: String]?
    public var requestContext: RequestContext

    public init(
        methodArn: String, resource: String, path: String, httpMethod: String, headers: [String: String]?,
        queryStringParameters: [String: String]?, pathParameters: [String: String]?, requestContext: RequestContext
    ) {
        self.type = "REQUEST"
        self.methodArn = methodArn
        self.resource = resource
        self.path = path
        self.httpMethod = httpMethod
        self.headers = headers
        self.queryStringParameters = queryStringParameters
        self.pathParameters = pathParameters
        self.requestContext = requestContext
    }

    /// A header value, matched case-insensitively as HTTP requires.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers?.first { $0.key.lowercased() == wanted }?.value
    }
}
