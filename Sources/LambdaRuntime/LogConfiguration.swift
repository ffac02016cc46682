/// How a function logs, read once from Lambda's environment at start-up.
package struct LogConfiguration: Sendable {
    package enum Format: Sendable, Equatable { case text, json }

    package let format: Format
    package let minimumLevel: LogLevel
    package let sink: any LogSink
    package let clock: LambdaClock

    package init(format: Format, minimumLevel: LogLevel, sink: any LogSink, clock: LambdaClock) {
        self.format = format
        self.minimumLevel = minimumLevel
        self.sink = sink
        self.clock = clock
    }

    /// `AWS_LAMBDA_LOG_FORMAT=JSON` selects JSON lines; `AWS_LAMBDA_LOG_LEVEL` filters (default INFO).
    package init(environment: [String: String], sink: any LogSink, clock: LambdaClock) {
        let json = environment["AWS_LAMBDA_LOG_FORMAT"]?.uppercased() == "JSON"
        self.init(
            format: json ? .json : .text,
            minimumLevel: environment["AWS_LAMBDA_LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .info,
            sink: sink, clock: clock
        )
    }
}
