import AWSCore
import FoundationEssentials
import LambdaEvents
import PlatformAPI

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
        let route = "\(request.httpMethod) \(request.resource)"
        do {
            let response = try await answer(request)
            log("bff \(route) status=\(response.statusCode)")
            return response
        } catch {
            let cause = error.cause.map { " cause=\($0)" } ?? ""
            log("bff \(route) status=\(error.status) code=\(error.code.rawValue)\(cause)")
            return APIResponse.error(error.api, requestID: request.requestContext.requestId)
        }
    }

    private func answer(_ request: APIGatewayProxyRequest) async throws(BFFError) -> APIGatewayProxyResponse {
        guard let operation = router.handler(for: request) else { throw BFFError(.notFound("The route")) }
        let caller: Caller
        do { caller = try Caller(request: request) } catch { throw BFFError(error) }
        guard !caller.isMachine else {
            throw BFFError(code: .forbidden, message: "the BFF serves user tokens only")
        }
        do {
            return try await operation(request, caller)
        } catch let error as BFFError {
            throw error
        } catch {
            throw BFFError.internalError(cause: error)
        }
    }

    private var router: Router<Caller> {
        var router = Router<Caller>()
        router.on("POST", "/v1/bff/token-refresh") { request, _ in try await refreshToken(request) }
        router.on("POST", "/v1/bff/session-keepalive") { request, caller in try await keepAlive(request, caller: caller) }
        return router
    }

    private func refreshToken(_ request: APIGatewayProxyRequest) async throws(BFFError) -> APIGatewayProxyResponse {
        let refresh = try TokenRefreshRequest.parse(request, validator: scopes)
        let token: IssuedToken
        do {
            token = try await tokens.exchange(assertion: refresh.assertion, scope: refresh.scope)
        } catch {
            var failure = error.apiError
            failure.cause = error.logSummary
            throw failure
        }
        return try encoded(200, TokenRefreshBody(
            accessToken: token.accessToken, tokenType: token.tokenType,
            expiresAt: DynamoDBItemTimestamp.string(from: token.expiresAt), scope: token.scope
        ))
    }

    private func keepAlive(_ request: APIGatewayProxyRequest, caller: Caller) async throws(BFFError) -> APIGatewayProxyResponse {
        let keepaliveRequest = try SessionKeepaliveRequest.parse(request)
        let accepted = try await keepalive.keepAlive(keepaliveRequest, for: caller)
        return try encoded(202, KeepaliveBody(
            sessionId: accepted.sessionID, expiresAt: DynamoDBItemTimestamp.string(from: accepted.expiresAt)
        ))
    }

    private func encoded(_ status: Int, _ body: some Encodable) throws(BFFError) -> APIGatewayProxyResponse {
        do {
            return try APIResponse.json(status, body)
        } catch {
            throw BFFError.internalError(cause: error)
        }
    }
}
