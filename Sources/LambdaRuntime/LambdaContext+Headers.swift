import HTTPWire

extension LambdaContext {
    /// Why a `next` response could not become a context.
    package enum HeaderError: Error, Equatable {
        case missingRequestID
        case invalidDeadline(String)
    }

    /// Builds the context from the `next` response headers
    /// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-next).
    package init(
        headers: HTTPFields, clock: LambdaClock, log: LogConfiguration, metrics: LambdaMetrics
    ) throws(HeaderError) {
        guard let requestID = headers["Lambda-Runtime-Aws-Request-Id"], !requestID.isEmpty else {
            throw .missingRequestID
        }
        let deadlineText = headers["Lambda-Runtime-Deadline-Ms"] ?? ""
        guard let deadline = Int64(deadlineText) else { throw .invalidDeadline(deadlineText) }
        self.init(
            requestID: requestID,
            deadlineMilliseconds: deadline,
            invokedFunctionARN: headers["Lambda-Runtime-Invoked-Function-Arn"] ?? "",
            traceID: headers["Lambda-Runtime-Trace-Id"],
            clientContext: headers["Lambda-Runtime-Client-Context"],
            cognitoIdentity: headers["Lambda-Runtime-Cognito-Identity"],
            tenantID: headers["Lambda-Runtime-Aws-Tenant-Id"],
            logger: LambdaLogger(configuration: log, requestID: requestID),
            metrics: LambdaMetrics(
                namespace: metrics.namespace, dimensions: metrics.dimensions, sink: metrics.sink,
                clock: metrics.clock, requestID: requestID
            ),
            clock: clock
        )
    }
}
