import HTTPWire
@testable import LambdaRuntime
import Testing

@Suite struct LambdaContextTests {
    static let log = LogConfiguration(format: .text, minimumLevel: .info, sink: CapturingSink(), clock: Fixture.clock)
    static let metrics = LambdaMetrics(namespace: "NS", dimensions: [], sink: CapturingSink(), clock: Fixture.clock, requestID: nil)

    @Test func readsEveryRuntimeHeader() throws {
        let headers: HTTPFields = [
            "lambda-runtime-aws-request-id": "r-1",
            "Lambda-Runtime-Deadline-Ms": "1700000002500",
            "Lambda-Runtime-Invoked-Function-Arn": "arn:f",
            "Lambda-Runtime-Trace-Id": "Root=1-x",
            "Lambda-Runtime-Client-Context": #"{"client":{}}"#,
            "Lambda-Runtime-Cognito-Identity": #"{"cognitoIdentityId":"id"}"#,
            "Lambda-Runtime-Aws-Tenant-Id": "tenant-7",
        ]
        let context = try LambdaContext(headers: headers, clock: Fixture.clock, log: Self.log, metrics: Self.metrics)
        #expect(context.requestID == "r-1")
        #expect(context.deadlineMilliseconds == 1_700_000_002_500)
        #expect(context.remainingTime == .milliseconds(2500))
        #expect(context.invokedFunctionARN == "arn:f")
        #expect(context.traceID == "Root=1-x")
        #expect(context.clientContext == #"{"client":{}}"#)
        #expect(context.cognitoIdentity == #"{"cognitoIdentityId":"id"}"#)
        #expect(context.tenantID == "tenant-7")
        #expect(context.logger.requestID == "r-1")
        #expect(context.metrics.requestID == "r-1")
    }

    @Test func optionalHeadersMayBeAbsent() throws {
        let context = try LambdaContext(
            headers: ["Lambda-Runtime-Aws-Request-Id": "r", "Lambda-Runtime-Deadline-Ms": "1"],
            clock: Fixture.clock, log: Self.log, metrics: Self.metrics
        )
        #expect(context.tenantID == nil)
        #expect(context.traceID == nil)
        #expect(context.remainingTime < .zero)
    }

    @Test func rejectsMissingIDsAndBadDeadlines() {
        #expect(throws: LambdaContext.HeaderError.missingRequestID) {
            try LambdaContext(headers: ["Lambda-Runtime-Deadline-Ms": "1"], clock: Fixture.clock, log: Self.log, metrics: Self.metrics)
        }
        #expect(throws: LambdaContext.HeaderError.invalidDeadline("soon")) {
            try LambdaContext(
                headers: ["Lambda-Runtime-Aws-Request-Id": "r", "Lambda-Runtime-Deadline-Ms": "soon"],
                clock: Fixture.clock, log: Self.log, metrics: Self.metrics
            )
        }
    }
}
