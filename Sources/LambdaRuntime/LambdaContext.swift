import HTTPWire

/// What Lambda tells a handler about the invocation it is running.
public struct LambdaContext: Sendable {
    public let requestID: String
    /// When Lambda stops the invocation, in milliseconds since the Unix epoch.
    public let deadlineMilliseconds: Int64
    public let invokedFunctionARN: String
    /// The X-Ray trace header, also exported as `_X_AMZN_TRACE_ID`.
    public let traceID: String?
    /// The caller's client context JSON, as sent.
    public let clientContext: String?
    /// The Cognito identity JSON, as sent.
    public let cognitoIdentity: String?
    /// The tenant of a multi-tenant (tenant-isolation) function invocation.
    public let tenantID: String?
    public let logger: LambdaLogger
    public let metrics: LambdaMetrics
    let clock: LambdaClock

    /// Time left before the deadline (negative once past it).
    public var remainingTime: Duration {
        .milliseconds(deadlineMilliseconds - clock.now())
    }

    package init(
        requestID: String, deadlineMilliseconds: Int64, invokedFunctionARN: String, traceID: String?,
        clientContext: String?, cognitoIdentity: String?, tenantID: String?,
        logger: LambdaLogger, metrics: LambdaMetrics, clock: LambdaClock
    ) {
        self.requestID = requestID
        self.deadlineMilliseconds = deadlineMilliseconds
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.logger = logger
        self.metrics = metrics
        self.clock = clock
    }
}
