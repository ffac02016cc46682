/// Writes log lines the way Lambda's managed runtimes do: tab-separated text by
/// default, `{timestamp, level, requestId, message}` JSON lines with
/// `AWS_LAMBDA_LOG_FORMAT=JSON`.
public struct LambdaLogger: Sendable {
    package let configuration: LogConfiguration
    package let requestID: String?

    package init(configuration: LogConfiguration, requestID: String?) {
        self.configuration = configuration
        self.requestID = requestID
    }

    public func trace(_ message: @autoclosure () -> String) { log(.trace, message()) }
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warn(_ message: @autoclosure () -> String) { log(.warn, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    public func fatal(_ message: @autoclosure () -> String) { log(.fatal, message()) }

    /// Logs `message` when `level` is at or above `AWS_LAMBDA_LOG_LEVEL`.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= configuration.minimumLevel else { return }
        configuration.sink.write(
            Self.line(
                format: configuration.format, level: level, requestID: requestID,
                message: message(), milliseconds: configuration.clock.now()
            )
        )
    }

    package static func line(
        format: LogConfiguration.Format, level: LogLevel, requestID: String?, message: String, milliseconds: Int64
    ) -> String {
        let timestamp = JSONText.timestamp(milliseconds: milliseconds)
        switch format {
        case .json:
            let id = requestID.map { ",\"requestId\":\(JSONText.quoted($0))" } ?? ""
            return "{\"timestamp\":\"\(timestamp)\",\"level\":\"\(level.name)\"\(id),\"message\":\(JSONText.quoted(message))}"
        case .text:
            // CloudWatch splits text logs on LF; CR keeps a multi-line message in one event.
            let oneLine = String(message.map { $0 == "\n" ? "\r" : $0 })
            let id = requestID.map { "\t\($0)" } ?? ""
            return "\(timestamp)\(id)\t\(level.name)\t\(oneLine)"
        }
    }
}
