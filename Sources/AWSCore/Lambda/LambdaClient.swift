import FoundationEssentials

/// AWS Lambda over restJson: Invoke (the async-runner continues itself with it).
public struct LambdaClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    public enum InvocationType: String, Sendable {
        /// Wait for the function's result.
        case requestResponse = "RequestResponse"
        /// Queue the event and return at once (HTTP 202).
        case event = "Event"
    }

    public struct InvokeOutput: Sendable, Equatable {
        public var statusCode: Int
        /// `Unhandled` or `Handled` when the function failed; its error is in `payload`.
        public var functionError: String?
        public var payload: Data
        public var executedVersion: String?
    }

    public func invoke(functionName: String, payload: Data, invocationType: InvocationType = .requestResponse,
                       qualifier: String? = nil) async throws -> InvokeOutput {
        var request = client.restRequest(
            method: "POST", path: "/2015-03-31/functions/\(AWSClient.pathLabel(functionName))/invocations",
            query: qualifier.map { [("Qualifier", $0)] } ?? [],
            headers: [("X-Amz-Invocation-Type", invocationType.rawValue), ("Content-Type", "application/json")])
        request.body = payload
        let response = try await client.send(request, operation: "Invoke")
        return InvokeOutput(statusCode: response.status, functionError: response.headers["X-Amz-Function-Error"],
                            payload: response.body, executedVersion: response.headers["X-Amz-Executed-Version"])
    }
}
