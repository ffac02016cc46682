/// The REST API REQUEST authoriser event. Its request context has the same
/// shape as the proxy event's, without the `authorizer` member.
public struct APIGatewayAuthorizerRequest: Codable, Sendable, Equatable, HeaderLookup {
    public var type: String
    public var methodArn: String
    public var resource: String
    public var path: String
    public var httpMethod: String
    public var headers: [String: String]?
    /// Every value of every header (API Gateway sends both maps).
    public var multiValueHeaders: [String: [String]]?
    public var queryStringParameters: [String: String]?
    /// Every value of a repeated query name (`k=2&k=1`), which a signature covers.
    public var multiValueQueryStringParameters: [String: [String]]?
    public var pathParameters: [String: String]?
    public var requestContext: APIGatewayProxyRequest.RequestContext

    public init(
        methodArn: String, resource: String, path: String, httpMethod: String, headers: [String: String]?,
        queryStringParameters: [String: String]?, pathParameters: [String: String]?,
        requestContext: APIGatewayProxyRequest.RequestContext,
        multiValueHeaders: [String: [String]]? = nil, multiValueQueryStringParameters: [String: [String]]? = nil
    ) {
        self.type = "REQUEST"
        self.methodArn = methodArn
        self.resource = resource
        self.path = path
        self.httpMethod = httpMethod
        self.headers = headers
        self.queryStringParameters = queryStringParameters
        self.multiValueHeaders = multiValueHeaders
        self.multiValueQueryStringParameters = multiValueQueryStringParameters
        self.pathParameters = pathParameters
        self.requestContext = requestContext
    }
}
