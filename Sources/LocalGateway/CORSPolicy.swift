/// What API Gateway's CORS set-up does for the web console (docs/decisions/0038):
/// it answers the `OPTIONS` preflight itself (no authoriser, no Lambda) and adds
/// the allow-origin header to its own gateway responses (401, 403, 429 ...), so
/// the console can read why a call failed. Integration responses carry the
/// Lambdas' own CORS headers (PlatformAPI's `CrossOrigin`).
///
/// Exactly one origin is allowed; a preflight from any other gets no
/// `Access-Control-Allow-Origin`, so the browser refuses the call.
public struct CORSPolicy: Sendable, Equatable {
    /// `scheme://host[:port]` of the console; nil: CORS is off.
    public var allowedOrigin: String?
    public var allowedHeaders = "Authorization, Content-Type, Accept, Idempotency-Key"
    public var exposedHeaders = "x-amzn-RequestId, X-Session-Id, Retry-After, Idempotent-Replayed"
    public var maxAgeSeconds = 600

    public init(allowedOrigin: String?) {
        self.allowedOrigin = allowedOrigin.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Headers added to the gateway's own responses.
    var responseHeaders: [(String, String)] {
        guard let allowedOrigin else { return [] }
        return [("Access-Control-Allow-Origin", allowedOrigin), ("Access-Control-Expose-Headers", exposedHeaders),
                ("Vary", "Origin")]
    }

    /// The preflight answer for `request` against the routes: 204 with the allow
    /// headers for the console's origin asking for a method the path has; 403
    /// without them otherwise (another origin, an unknown path or method).
    func preflight(_ request: GatewayRequest, routes: RouteTable) -> GatewayResponse {
        let denied = GatewayResponse(status: 403, headers: [("Content-Type", "application/json"), ("Vary", "Origin")],
                                     body: #"{"message":"CORS preflight refused"}"#)
        guard let allowedOrigin, request.header("Origin") == allowedOrigin,
              let method = request.header("Access-Control-Request-Method")?.uppercased() else { return denied }
        let methods = routes.methods(forPath: request.path)
        guard methods.contains(method) else { return denied }
        return GatewayResponse(status: 204, headers: [
            ("Access-Control-Allow-Origin", allowedOrigin),
            ("Access-Control-Allow-Methods", (methods + ["OPTIONS"]).joined(separator: ", ")),
            ("Access-Control-Allow-Headers", allowedHeaders),
            ("Access-Control-Max-Age", String(maxAgeSeconds)),
            ("Vary", "Origin"),
        ], body: "")
    }
}
