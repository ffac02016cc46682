import PlatformJSON
/// EventBridge over awsJson1.1 (`AWSEvents.*`): PutEvents, plus PutRule and PutTargets for tests.
public struct EventBridgeClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    public struct Event: Encodable, Sendable {
        public var source: String
        public var detailType: String
        /// The detail as a JSON object text.
        public var detail: String
        public var eventBusName: String?

        public init(source: String, detailType: String, detail: String, eventBusName: String? = nil) {
            self.source = source
            self.detailType = detailType
            self.detail = detail
            self.eventBusName = eventBusName
        }

        enum CodingKeys: String, CodingKey {
            case source = "Source", detailType = "DetailType", detail = "Detail", eventBusName = "EventBusName"
        }
    }

    public struct PutEventsOutput: Decodable, Sendable {
        public struct Entry: Decodable, Sendable {
            public var eventID: String?
            public var errorCode: String?
            enum CodingKeys: String, CodingKey { case eventID = "EventId", errorCode = "ErrorCode" }
        }
        public var failedEntryCount: Int
        public var entries: [Entry]
        enum CodingKeys: String, CodingKey { case failedEntryCount = "FailedEntryCount", entries = "Entries" }
    }

    private struct PutEventsInput: Encodable {
        var entries: [Event]
        enum CodingKeys: String, CodingKey { case entries = "Entries" }
    }

    /// Up to 10 events; check `failedEntryCount`, entries can fail one by one.
    public func putEvents(_ events: [Event]) async throws -> PutEventsOutput {
        try await client.json(target: "AWSEvents", operation: "PutEvents", input: PutEventsInput(entries: events),
                              version: "1.1")
    }

    private struct RuleOutput: Decodable {
        var ruleARN: String
        enum CodingKeys: String, CodingKey { case ruleARN = "RuleArn" }
    }

    /// Creates or updates a rule matching `eventPattern` (JSON text); returns its ARN.
    public func putRule(name: String, eventPattern: String, eventBusName: String? = nil) async throws -> String {
        var input = ["Name": name, "EventPattern": eventPattern, "State": "ENABLED"]
        input["EventBusName"] = eventBusName
        return try await client.json(target: "AWSEvents", operation: "PutRule", input: input, version: "1.1",
                                     as: RuleOutput.self).ruleARN
    }

    private struct TargetsOutput: Decodable {
        var failedEntryCount: Int
        enum CodingKeys: String, CodingKey { case failedEntryCount = "FailedEntryCount" }
    }

    /// Sends a rule's matches to targets, by target id and ARN; returns the failed count.
    @discardableResult
    public func putTargets(rule: String, targets: [String: String]) async throws -> Int {
        let list = targets.sorted { $0.key < $1.key }.map { JSONValue(["Id": $0.key, "Arn": $0.value]) }
        let input: [String: JSONValue] = ["Rule": .string(rule), "Targets": .array(list)]
        return try await client.json(target: "AWSEvents", operation: "PutTargets", input: input, version: "1.1",
                                     as: TargetsOutput.self).failedEntryCount
    }
}
