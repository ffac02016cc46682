/// The REST API REQUEST authoriser event. Its request context has the same
/// shape as the proxy event's, without the `authorizer` member.
public struct APIGatewayAuthorizerRequest: Codable, Sendable, Equatable, HeaderLookup {
    public var type: String
    public var methodArn: String
    public var resource: String
    public var path: String
    public var httpMethod: String
    public var headers: [String: String]?
    public var queryStringParameters: [String: String]?
    public var pathParameters: [String: String]?
    public var requestContext: APIGatewayProxyRequest.RequestContext

    public init(
        methodArn: String, resource: String, path: String, httpMethod: String, headers: [String: String]?,
        queryStringParameters: [String: String]?, pathParameters: [String: String]?,
        requestContext: APIGatewayProxyRequest.RequestContext
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
}
