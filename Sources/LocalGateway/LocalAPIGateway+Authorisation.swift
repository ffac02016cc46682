import FoundationEssentials
import LambdaEvents

extension LocalAPIGateway {
    /// Runs the REQUEST authoriser (or reuses its cached result for this
    /// Authorization header, the identity source) and evaluates the policy
    /// against this request's method ARN, cached or not, as API Gateway does.
    func authorise(_ request: GatewayRequest, match: RouteTable.Match, requestID: String)
        -> AuthorisationResult {
        // The identity source is required: without it API Gateway answers 401 without calling the authoriser.
        guard let identity = request.header("authorization"), !identity.isEmpty else { return .rejected(.unauthorized) }
        // On the normalised path, as API Gateway routes it: `/v1//platform/quota` is `/v1/platform/quota`.
        let methodARN = configuration.methodARN(method: request.method, path: request.normalizedPath)
        let response: APIGatewayAuthorizerResponse
        if let cached = authoriserCache.lookup(identity, now: now()) {
            response = cached
        } else {
            switch invokeAuthoriser(request, match: match, requestID: requestID) {
            case .policy(let fresh):
                authoriserCache.store(fresh, for: identity, now: now())
                response = fresh
            case .unauthorized: return .rejected(.unauthorized)
            case .failure: return .rejected(.authorizerFailure)
            }
        }
        guard PolicyEvaluator.allows(response.policyDocument, methodARN: methodARN) else { return .rejected(.accessDenied) }
        return .allowed(response)
    }

    private func invokeAuthoriser(_ request: GatewayRequest, match: RouteTable.Match, requestID: String) -> AuthoriserOutcome {
        let event = events.authoriserEvent(for: request, match: match, requestID: requestID, now: now())
        guard let payload = try? JSONEncoder().encode(event),
              let source = try? invoker.invoke(function: configuration.authoriserFunction, payload: [UInt8](payload)) else {
            return .failure
        }
        switch Self.collect(source, limit: configuration.maxResponseBytes) {
        case .success(let (_, body)): return AuthoriserOutcome(payload: body)
        case .failure(let failure): return AuthoriserOutcome(errorPayload: failure.payload)
        }
    }

    enum AuthorisationResult {
        case allowed(APIGatewayAuthorizerResponse)
        case rejected(GatewayResponse)
    }

    struct CollectFailure: Error {
        var errorType: String
        var payload: [UInt8]
    }

    /// Reads an invocation to its end, buffering at most `limit` bytes.
    static func collect(_ source: any FunctionResponseSource, limit: Int) -> Result<(String?, [UInt8]), CollectFailure> {
        var contentType: String?
        var body: [UInt8] = []
        var tooLarge = false
        while true {
            switch source.next() {
            case .head(let type): contentType = type
            case .chunk(let bytes):
                if body.count + bytes.count > limit { tooLarge = true } else if !tooLarge { body += bytes }
            case .end:
                if tooLarge { return .failure(CollectFailure(errorType: "Function.ResponseSizeTooLarge", payload: [])) }
                return .success((contentType, body))
            case .failure(let errorType, let payload):
                return .failure(CollectFailure(errorType: errorType, payload: payload))
            }
        }
    }
}
