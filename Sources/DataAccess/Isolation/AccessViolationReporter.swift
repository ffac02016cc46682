import FoundationEssentials
import LambdaRuntime

/// Where tenant access violations go; the seam tests replace.
public protocol AccessViolationReporter: Sendable {
    func report(_ violation: TenantAccessViolation)
}

/// Reports a violation as Lambda would want it: one structured log line and
/// one CloudWatch Embedded Metric Format line (namespace `platform/security`,
/// dimensions caller and target tenant) on standard output, written with the
/// runtime's own EMF and JSON coding, so counting it costs no network call.
/// Neither line contains an item or payload.
public struct EMFAccessViolationReporter: AccessViolationReporter {
    public static let namespace = "platform/security"
    public static let metricName = "TenantAccessViolation"

    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// Writes to standard output with the real clock.
    public init() {
        self.init(write: { StandardOutputSink().write($0) }, now: { Date() })
    }

    package init(write: @escaping @Sendable (String) -> Void, now: @escaping @Sendable () -> Date = { Date() }) {
        self.write = write
        self.now = now
    }

    public func report(_ violation: TenantAccessViolation) {
        let millis = Int64((now().timeIntervalSince1970 * 1000).rounded(.down))
        let fields = [
            ("level", "ERROR"), ("message", "tenant access violation refused"), ("event", Self.metricName),
            ("callerTenant", violation.callerTenant.rawValue), ("targetTenant", violation.targetTenant),
            ("operation", violation.operation), ("key", violation.key),
        ]
        write("{" + fields.map { "\(JSONText.quoted($0.0)):\(JSONText.quoted($0.1))" }.joined(separator: ",") + "}")
        write(LambdaMetrics.line(
            namespace: Self.namespace,
            dimensions: [("CallerTenant", violation.callerTenant.rawValue), ("TargetTenant", violation.targetTenant)],
            metrics: [Metric(Self.metricName, 1)], milliseconds: millis, requestID: nil
        ))
    }
}
