import LambdaEvents

/// Proxy-integration events as API Gateway sends them to the BFF.
enum ProxyEvent {
    static let user = ["tenantId": "acme-basic", "appId": "acme-app", "tier": "basic", "sub": "user@acme", "roles": "[]"]

    static func post(_ path: String, body: String?, authorization: String? = "Bearer user.jwt.token",
                     authorizer: [String: String]? = user) -> APIGatewayProxyRequest {
        APIGatewayProxyRequest(
            resource: path, path: path, httpMethod: "POST",
            headers: authorization.map { ["authorization": $0, "content-type": "application/json"] },
            multiValueHeaders: nil, queryStringParameters: nil, multiValueQueryStringParameters: nil, pathParameters: nil,
            requestContext: .init(accountId: "123456789012", apiId: "local", stage: "v1", requestId: "req-123",
                                  resourcePath: path, path: path, httpMethod: "POST", requestTimeEpoch: 0,
                                  identity: .init(), authorizer: authorizer),
            body: body, isBase64Encoded: false
        )
    }
}
