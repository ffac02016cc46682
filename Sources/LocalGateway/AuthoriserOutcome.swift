import FoundationEssentials
import LambdaEvents

/// What API Gateway makes of an authoriser invocation: a policy to evaluate,
/// `Unauthorized` (the function failed with exactly that message: 401), or a
/// configuration failure (anything else: 500).
enum AuthoriserOutcome: Equatable {
    case policy(APIGatewayAuthorizerResponse)
    case unauthorized
    case failure

    init(payload: [UInt8]) {
        guard let response = try? JSONDecoder().decode(APIGatewayAuthorizerResponse.self, from: Data(payload)),
              !response.principalId.isEmpty else {
            self = .failure
            return
        }
        self = .policy(response)
    }

    init(errorPayload: [UInt8]) {
        struct ErrorDocument: Decodable { var errorMessage: String? }
        let document = try? JSONDecoder().decode(ErrorDocument.self, from: Data(errorPayload))
        self = document?.errorMessage == "Unauthorized" ? .unauthorized : .failure
    }

    /// `requestContext.authorizer` for the integration: the context plus `principalId`.
    static func integrationContext(of response: APIGatewayAuthorizerResponse) -> [String: String] {
        var context = response.context ?? [:]
        context["principalId"] = response.principalId
        return context
    }
}
