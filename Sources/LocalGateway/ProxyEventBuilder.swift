import FoundationEssentials
import LambdaEvents

/// Builds the events API Gateway sends: the REQUEST authoriser event and the
/// Lambda proxy integration event (v1). Pure: time and request id are inputs.
struct ProxyEventBuilder {
    let configuration: GatewayConfiguration

    func authoriserEvent(for request: GatewayRequest, match: RouteTable.Match, requestID: String, now: Date) -> APIGatewayAuthorizerRequest {
        let headers = Self.headerMaps(request.headers)
        let query = QueryString(request.query)
        return APIGatewayAuthorizerRequest(
            methodArn: configuration.methodARN(method: request.method, path: request.normalizedPath),
            resource: match.route.path, path: request.path, httpMethod: request.method.uppercased(),
            headers: headers.single, queryStringParameters: query.single.isEmpty ? nil : query.single,
            pathParameters: match.pathParameters.isEmpty ? nil : match.pathParameters,
            requestContext: .init(
                accountId: configuration.accountID, apiId: configuration.apiID, stage: configuration.stage,
                requestId: requestID, resourcePath: match.route.path, path: request.path,
                httpMethod: request.method.uppercased(), requestTimeEpoch: Self.epochMilliseconds(now),
                identity: identity(of: request), authorizer: nil
            ),
            multiValueHeaders: headers.multi, multiValueQueryStringParameters: query.multi.isEmpty ? nil : query.multi
        )
    }

    static func epochMilliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The v1 proxy event; `authorizer` is the authoriser's context plus `principalId`.
    func proxyEvent(
        for request: GatewayRequest, match: RouteTable.Match, authorizer: [String: String]?, requestID: String, now: Date
    ) -> APIGatewayProxyRequest {
        let headers = Self.headerMaps(request.headers)
        let query = QueryString(request.query)
        let body = Self.body(request.body)
        return APIGatewayProxyRequest(
            resource: match.route.path, path: request.path, httpMethod: request.method.uppercased(),
            headers: headers.single, multiValueHeaders: headers.multi,
            queryStringParameters: query.single.isEmpty ? nil : query.single,
            multiValueQueryStringParameters: query.multi.isEmpty ? nil : query.multi,
            pathParameters: match.pathParameters.isEmpty ? nil : match.pathParameters,
            requestContext: .init(
                accountId: configuration.accountID, apiId: configuration.apiID, stage: configuration.stage,
                requestId: requestID, resourcePath: match.route.path, path: request.path,
                httpMethod: request.method.uppercased(),
                requestTimeEpoch: Self.epochMilliseconds(now),
                identity: identity(of: request), authorizer: authorizer
            ),
            body: body.text, isBase64Encoded: body.isBase64Encoded
        )
    }

    private func identity(of request: GatewayRequest) -> APIGatewayProxyRequest.Identity {
        APIGatewayProxyRequest.Identity(sourceIp: request.sourceIP, userAgent: request.header("user-agent"))
    }

    /// API Gateway's two header maps: the last value per name, and every value.
    /// Names are case-insensitive, so `Authorization` and `authorization` are
    /// one header (under the spelling first received), never two entries a
    /// reader could pick between.
    static func headerMaps(_ fields: [(name: String, value: String)]) -> (single: [String: String]?, multi: [String: [String]]?) {
        guard !fields.isEmpty else { return (nil, nil) }
        var spelling: [String: String] = [:]
        var single: [String: String] = [:]
        var multi: [String: [String]] = [:]
        for field in fields {
            let lowercased = field.name.lowercased()
            let name = spelling[lowercased] ?? field.name
            spelling[lowercased] = name
            single[name] = field.value
            multi[name, default: []].append(field.value)
        }
        return (single, multi)
    }

    /// Text bodies pass as they are; bytes that are not UTF-8 go base64-encoded.
    static func body(_ bytes: [UInt8]) -> (text: String?, isBase64Encoded: Bool) {
        guard !bytes.isEmpty else { return (nil, false) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
        return (Data(bytes).base64EncodedString(), true)
    }
}
