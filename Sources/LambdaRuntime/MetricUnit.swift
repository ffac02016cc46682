/// CloudWatch metric units as EMF spells them.
public enum MetricUnit: String, Sendable {
    case seconds = "Seconds"
    case microseconds = "Microseconds"
    case milliseconds = "Milliseconds"
    case bytes = "Bytes"
    case kilobytes = "Kilobytes"
    case megabytes = "Megabytes"
    case count = "Count"
    case percent = "Percent"
    case countPerSecond = "Count/Second"
    case none = "None"
}

/// One metric value for `LambdaMetrics.emit`.
public struct Metric: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var unit: MetricUnit

    public init(_ name: String, _ value: Double, unit: MetricUnit = .count) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}
