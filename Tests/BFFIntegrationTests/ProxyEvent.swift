import LambdaEvents

/// Proxy-integration events as API Gateway sends them after the authoriser.
enum ProxyEvent {
    static func post(_ path: String, body: String, token: String = "unused.user.token", tenantID: String) -> APIGatewayProxyRequest {
        APIGatewayProxyRequest(
            resource: path, path: path, httpMethod: "POST",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
            multiValueHeaders: nil, queryStringParameters: nil, multiValueQueryStringParameters: nil, pathParameters: nil,
            requestContext: .init(accountId: "123456789012", apiId: "local", stage: "v1", requestId: "req-int",
                                  resourcePath: path, path: path, httpMethod: "POST", requestTimeEpoch: 0, identity: .init(),
                                  authorizer: ["tenantId": tenantID, "appId": "\(tenantID)-app", "tier": "basic",
                                               "sub": "user@\(tenantID)", "roles": "[]"]),
            body: body, isBase64Encoded: false
        )
    }
}
