import FoundationEssentials

/// Where tenant access violations go; the seam tests replace.
public protocol AccessViolationReporter: Sendable {
    func report(_ violation: TenantAccessViolation)
}

/// Reports a violation as Lambda would want it: one structured log line and
/// one CloudWatch Embedded Metric Format line on standard output, so counting
/// it costs no network call. Neither line contains an item or payload.
public struct EMFAccessViolationReporter: AccessViolationReporter {
    public static let namespace = "platform/security"
    public static let metricName = "TenantAccessViolation"

    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    public init(
        write: @escaping @Sendable (String) -> Void = { print($0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.write = write
        self.now = now
    }

    public func report(_ violation: TenantAccessViolation) {
        let millis = Int64((now().timeIntervalSince1970 * 1000).rounded(.down))
        let caller = Self.escape(violation.callerTenant.rawValue)
        let target = Self.escape(violation.targetTenant)
        write("""
        {"level":"ERROR","message":"tenant access violation refused","event":"\(Self.metricName)",\
        "callerTenant":"\(caller)","targetTenant":"\(target)","operation":"\(Self.escape(violation.operation))",\
        "key":"\(Self.escape(violation.key))"}
        """)
        write("""
        {"_aws":{"Timestamp":\(millis),"CloudWatchMetrics":[{"Namespace":"\(Self.namespace)",\
        "Dimensions":[["CallerTenant","TargetTenant"]],"Metrics":[{"Name":"\(Self.metricName)","Unit":"Count"}]}]},\
        "CallerTenant":"\(caller)","TargetTenant":"\(target)","\(Self.metricName)":1}
        """)
    }

    /// JSON string escaping for the few characters a key could smuggle into a log line.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
