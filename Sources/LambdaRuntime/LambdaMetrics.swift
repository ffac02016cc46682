/// Publishes CloudWatch metrics as Embedded Metric Format lines on stdout,
/// so recording a metric never costs a network call.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
public struct LambdaMetrics: Sendable {
    package let namespace: String
    package let dimensions: [(String, String)]
    package let sink: any LogSink
    package let clock: LambdaClock
    package let requestID: String?

    package init(namespace: String, dimensions: [(String, String)], sink: any LogSink, clock: LambdaClock, requestID: String?) {
        self.namespace = namespace
        self.dimensions = dimensions
        self.sink = sink
        self.clock = clock
        self.requestID = requestID
    }

    /// Emits one metric with the function's dimensions plus `dimensions`.
    public func emit(_ name: String, _ value: Double, unit: MetricUnit = .count, dimensions: [(String, String)] = []) {
        emit([Metric(name, value, unit: unit)], dimensions: dimensions)
    }

    /// Emits several metrics sharing one dimension set in a single line.
    public func emit(_ metrics: [Metric], dimensions extra: [(String, String)] = []) {
        guard !metrics.isEmpty else { return }
        sink.write(
            Self.line(
                namespace: namespace, dimensions: dimensions + extra, metrics: metrics,
                milliseconds: clock.now(), requestID: requestID
            )
        )
    }

    package static func line(
        namespace: String, dimensions: [(String, String)], metrics: [Metric], milliseconds: Int64, requestID: String?
    ) -> String {
        let names = dimensions.map { JSONText.quoted($0.0) }.joined(separator: ",")
        let definitions = metrics.map { "{\"Name\":\(JSONText.quoted($0.name)),\"Unit\":\"\($0.unit.rawValue)\"}" }
        var line = "{\"_aws\":{\"Timestamp\":\(milliseconds),\"CloudWatchMetrics\":[{\"Namespace\":"
            + "\(JSONText.quoted(namespace)),\"Dimensions\":[[\(names)]],\"Metrics\":[\(definitions.joined(separator: ","))]}]}"
        for (name, value) in dimensions { line += ",\(JSONText.quoted(name)):\(JSONText.quoted(value))" }
        for metric in metrics { line += ",\(JSONText.quoted(metric.name)):\(JSONText.number(metric.value))" }
        if let requestID { line += ",\"requestId\":\(JSONText.quoted(requestID))" }
        return line + "}"
    }
}
