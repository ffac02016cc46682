import LambdaEvents
import PlatformAPI

/// `POST /v1/bff/token-refresh`: the caller's bearer token and the scopes it wants.
struct TokenRefreshRequest: Sendable, CustomStringConvertible {
    private struct Body: Decodable {
        var scope: String
    }

    /// The caller's Entra access token, the OBO assertion. The authoriser already verified it.
    var assertion: String
    /// Validated, single-space separated scopes.
    var scope: String

    var description: String { "TokenRefreshRequest(scope: \(scope), assertion: <redacted>)" }

    static func parse(_ request: APIGatewayProxyRequest, validator: ScopeValidator) throws(BFFError) -> TokenRefreshRequest {
        // Only a user's Entra token can be exchanged; a SigV4 caller has none.
        guard let authorization = request.header("Authorization"), authorization.count > 7,
              authorization.prefix(7).lowercased() == "bearer "
        else {
            throw BFFError(code: .forbidden, message: "token refresh needs a user's bearer token")
        }
        let body: Body
        do {
            body = try RequestBody.decode(Body.self, from: request, allowedFields: ["scope"])
        } catch {
            throw BFFError(error)
        }
        return TokenRefreshRequest(assertion: String(authorization.dropFirst(7)).trimmingSpaces(),
                                   scope: try validator.validate(body.scope))
    }
}
