import FoundationEssentials
import LambdaEvents

/// The local REST API Gateway: route, REQUEST authoriser (cached on the
/// Authorization header), usage-plan throttling, Lambda proxy integration
/// (buffered or streamed), and API Gateway's own error responses.
///
/// Synchronous by design: the HTTP server gives each connection a thread and
/// the Lambda host's invocations are pulled with blocking reads.
public final class LocalAPIGateway: Sendable {
    let routes: RouteTable
    let configuration: GatewayConfiguration
    let invoker: any FunctionInvoker
    let events: ProxyEventBuilder
    let authoriserCache: AuthorizerCache
    let throttle = UsagePlanThrottle()
    let now: @Sendable () -> Date
    let makeRequestID: @Sendable () -> String
    let log: @Sendable (String) -> Void

    public init(
        routes: RouteTable, configuration: GatewayConfiguration, invoker: any FunctionInvoker,
        now: @escaping @Sendable () -> Date = { Date() },
        makeRequestID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.routes = routes
        self.configuration = configuration
        self.invoker = invoker
        events = ProxyEventBuilder(configuration: configuration)
        authoriserCache = AuthorizerCache(ttl: configuration.authoriserCacheTTL)
        self.now = now
        self.makeRequestID = makeRequestID
        self.log = log
    }

    /// Answers one request. Never throws: a client that went away only ends the write.
    public func handle(_ request: GatewayRequest, writer: any GatewayResponseWriter) {
        let requestID = makeRequestID()
        let started = now()
        let status = answer(request, requestID: requestID, writer: writer)
        // Access log: method, path and outcome only (never headers, which carry credentials).
        let millis = Int((now().timeIntervalSince(started) * 1000).rounded())
        log("\(requestID) \(request.method) \(request.path) \(status) \(millis)ms")
    }

    private func answer(_ request: GatewayRequest, requestID: String, writer: any GatewayResponseWriter) -> Int {
        if request.body.count > configuration.maxRequestBytes {
            return send(.payloadTooLarge, requestID: requestID, to: writer)
        }
        // The preflight is the gateway's own (no authoriser, no function), as with API Gateway's CORS set-up.
        if request.method == "OPTIONS" {
            let preflight = configuration.cors.preflight(request, routes: routes)
            try? writer.respond(status: preflight.status, headers: preflight.headers + [("x-amzn-RequestId", requestID)],
                                body: Array(preflight.body.utf8))
            return preflight.status
        }
        let match: RouteTable.Match
        switch routes.match(method: request.method, path: request.path) {
        case .success(let found): match = found
        // API Gateway answers 403 for unknown resources and methods alike, so paths are not probeable.
        case .failure: return send(.missingAuthenticationToken, requestID: requestID, to: writer)
        }
        var authorizer: [String: String]?
        if match.route.auth != .none {
            switch authorise(request, match: match, requestID: requestID) {
            case .rejected(let rejection): return send(rejection, requestID: requestID, to: writer)
            case .allowed(let response):
                if let rejection = admit(response) { return send(rejection, requestID: requestID, to: writer) }
                authorizer = AuthoriserOutcome.integrationContext(of: response)
            }
        }
        return integrate(request, match: match, authorizer: authorizer, requestID: requestID, writer: writer)
    }

    /// The tenant's usage plan: throttled or over quota is a 429 with `Retry-After`.
    private func admit(_ response: APIGatewayAuthorizerResponse) -> GatewayResponse? {
        // Like an API with apiKeyRequired: no usage identifier, or no plan for the tier, is forbidden.
        guard let key = response.usageIdentifierKey, !key.isEmpty,
              let tier = response.context?["tier"], let plan = configuration.usagePlans[tier] else {
            return .forbidden
        }
        switch throttle.admit(key: key, plan: plan, now: now()) {
        case .allowed: return nil
        case .throttled(let retryAfter): return .throttled(retryAfter: retryAfter)
        case .quotaExceeded(let retryAfter): return .quotaExceeded(retryAfter: retryAfter)
        }
    }

    @discardableResult
    func send(_ response: GatewayResponse, requestID: String, to writer: any GatewayResponseWriter) -> Int {
        // Gateway responses carry the console's CORS headers (AWS: the API's GatewayResponses).
        let headers = response.headers + configuration.cors.responseHeaders + [("x-amzn-RequestId", requestID)]
        try? writer.respond(status: response.status, headers: headers,
                            body: Array(response.body.utf8))
        return response.status
    }
}
