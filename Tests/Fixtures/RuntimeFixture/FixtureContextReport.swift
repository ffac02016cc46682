/// The context fields the fixture echoes back so tests can check them.
struct FixtureContextReport: Codable, Sendable {
    var requestID: String
    var invokedFunctionARN: String
    var traceID: String?
    var traceEnvironment: String?
    var clientContext: String?
    var tenantID: String?
    var remainingMilliseconds: Int64
    var functionName: String?
    var memorySize: String?
    var logFormat: String?
    var handler: String?
    var taskRoot: String?
}
