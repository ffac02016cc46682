import FoundationEssentials
import LambdaEvents

/// The BFF Lambda: token refresh (Entra on-behalf-of) and runtime session keep-alive.
struct BFFHandler: Sendable {
    private struct TokenRefreshBody: Encodable {
        var accessToken: String
        var tokenType: String
        var expiresAt: String
        var scope: String
    }

    private struct KeepaliveBody: Encodable {
        var sessionId: String
        var status = "accepted"
        var expiresAt: String
    }

    let scopes: ScopeValidator
    let tokens: OnBehalfOfClient
    let keepalive: SessionKeepalive

    /// Answers one proxy-integration request; `log` receives one line per outcome,
    /// never a token, a secret or a body.
    func handle(_ request: APIGatewayProxyRequest, log: @Sendable (String) -> Void = { _ in }) async -> APIGatewayProxyResponse {
        let requestID = request.requestContext.requestId
        do {
            let (route, response) = try await route(request)
            log("bff \(route) status=\(response.statusCode)")
            return response
        } catch {
            let cause = error.cause.map { " cause=\($0)" } ?? ""
            log("bff \(request.httpMethod) \(request.resource) status=\(error.status) code=\(error.code.rawValue)\(cause)")
            return APIResponse.error(error, requestID: requestID)
        }
    }

    private func route(_ request: APIGatewayProxyRequest) async throws(BFFError) -> (BFFRoute, APIGatewayProxyResponse) {
        guard let route = BFFRoute(method: request.httpMethod, resource: request.resource, path: request.path) else {
            throw BFFError(code: .notFound, message: "no such route")
        }
        let caller = try CallerIdentity(authorizerContext: request.requestContext.authorizer)
        guard !caller.isMachine else {
            throw BFFError(code: .forbidden, message: "the BFF serves user tokens only")
        }
        switch route {
        case .tokenRefresh:
            return (route, try await refreshToken(request))
        case .sessionKeepalive:
            return (route, try await keepAlive(request, caller: caller))
        }
    }

    private func refreshToken(_ request: APIGatewayProxyRequest) async throws(BFFError) -> APIGatewayProxyResponse {
        let refresh = try TokenRefreshRequest(authorization: request.header("Authorization"), body: request.bodyData, validator: scopes)
        let token: IssuedToken
        do {
            token = try await tokens.exchange(assertion: refresh.assertion, scope: refresh.scope)
        } catch {
            var failure = error.apiError
            failure.cause = error.logSummary
            throw failure
        }
        return APIResponse.json(status: 200, TokenRefreshBody(
            accessToken: token.accessToken, tokenType: token.tokenType,
            expiresAt: Timestamp.string(token.expiresAt), scope: token.scope
        ))
    }

    private func keepAlive(_ request: APIGatewayProxyRequest, caller: CallerIdentity) async throws(BFFError) -> APIGatewayProxyResponse {
        let keepaliveRequest = try SessionKeepaliveRequest(body: request.bodyData)
        let accepted = try await keepalive.keepAlive(keepaliveRequest, for: caller)
        return APIResponse.json(status: 202, KeepaliveBody(
            sessionId: accepted.sessionID, expiresAt: Timestamp.string(accepted.expiresAt)
        ))
    }
}
