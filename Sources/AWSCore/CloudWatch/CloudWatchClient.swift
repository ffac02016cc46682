import FoundationEssentials

/// CloudWatch metrics over the awsQuery protocol (`2010-08-01`): GetMetricStatistics.
public struct CloudWatchClient: Sendable {
    public let client: AWSClient
    static let version = "2010-08-01"

    public init(client: AWSClient) { self.client = client }

    /// One statistic of a metric per period, oldest first.
    public struct Datapoint: Sendable, Equatable {
        public var timestamp: Date
        public var value: Double
    }

    /// `Maximum`, `Average`, `Sum`, `Minimum` or `SampleCount`.
    public enum Statistic: String, Sendable {
        case maximum = "Maximum", average = "Average", sum = "Sum", minimum = "Minimum", sampleCount = "SampleCount"
    }

    /// The datapoints of `metricName` in `namespace` with exactly `dimensions`, for `start..<end`.
    public func metricStatistics(
        namespace: String, metricName: String, dimensions: [String: String] = [:], start: Date, end: Date,
        periodSeconds: Int, statistic: Statistic
    ) async throws -> [Datapoint] {
        let parameters = Self.parameters(namespace: namespace, metricName: metricName, dimensions: dimensions,
                                         start: start, end: end, periodSeconds: periodSeconds, statistic: statistic)
        let result = try await client.query(action: "GetMetricStatistics", version: Self.version, parameters: parameters)
        let members = result.child("Datapoints")?.children("member") ?? []
        return try members.map { member in
            guard let stamp = member.text("Timestamp"), let date = Self.date(stamp),
                  let text = member.text(statistic.rawValue), let value = Double(text)
            else {
                throw AWSResponseError(service: client.service.id, operation: "GetMetricStatistics", status: 200,
                                       reason: "a datapoint lacks Timestamp or \(statistic.rawValue)")
            }
            return Datapoint(timestamp: date, value: value)
        }.sorted { $0.timestamp < $1.timestamp }
    }

    /// The form fields of a GetMetricStatistics request, in a stable order.
    static func parameters(
        namespace: String, metricName: String, dimensions: [String: String], start: Date, end: Date,
        periodSeconds: Int, statistic: Statistic
    ) -> [(String, String)] {
        var parameters = [
            ("Namespace", namespace), ("MetricName", metricName),
            ("StartTime", DynamoDBItemTimestamp.string(from: start)), ("EndTime", DynamoDBItemTimestamp.string(from: end)),
            ("Period", String(periodSeconds)), ("Statistics.member.1", statistic.rawValue),
        ]
        for (index, dimension) in dimensions.sorted(by: { $0.key < $1.key }).enumerated() {
            parameters.append(("Dimensions.member.\(index + 1).Name", dimension.key))
            parameters.append(("Dimensions.member.\(index + 1).Value", dimension.value))
        }
        return parameters
    }

    /// CloudWatch writes `2026-11-25T12:34:00Z` or with fractional seconds / `+00:00`.
    static func date(_ text: String) -> Date? {
        if let date = DynamoDBItemTimestamp.date(from: text) { return date }
        return try? Date(text, strategy: .iso8601)
    }
}

extension AWSService {
    public static let cloudWatch = AWSService(id: "CloudWatch", endpointPrefix: "monitoring", signingName: "monitoring")
}
