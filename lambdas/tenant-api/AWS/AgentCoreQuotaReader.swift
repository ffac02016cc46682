import AWSCore
import FoundationEssentials

/// ``QuotaReading`` from CloudWatch (the runtime's session metric, maximum over
/// the last 15 minutes) and Service Quotas (the applied session quota), each
/// in the region asked about.
///
/// Variables: `AGENTCORE_SESSIONS_METRIC_NAMESPACE` (default
/// `AWS/Bedrock-AgentCore`), `AGENTCORE_SESSIONS_METRIC_NAME` (default
/// `ActiveSessions`), `AGENTCORE_QUOTA_SERVICE_CODE` (default
/// `bedrock-agentcore`), `AGENTCORE_SESSIONS_QUOTA_CODE` (no default: without
/// it the limit is reported unavailable rather than guessed).
struct AgentCoreQuotaReader: QuotaReading {
    static let window: TimeInterval = 15 * 60

    let cloudWatch: AWSClient
    let serviceQuotas: AWSClient
    let environment: [String: String]
    let now: @Sendable () -> Date

    private func value(_ name: String, _ fallback: String?) -> String? {
        guard let text = environment[name], !text.isEmpty else { return fallback }
        return text
    }

    func currentSessions(region: String) async throws -> Double {
        let client = CloudWatchClient(client: try cloudWatch.inRegion(region, environment: environment))
        let end = now()
        let points = try await client.metricStatistics(
            namespace: value("AGENTCORE_SESSIONS_METRIC_NAMESPACE", "AWS/Bedrock-AgentCore")!,
            metricName: value("AGENTCORE_SESSIONS_METRIC_NAME", "ActiveSessions")!,
            start: end.addingTimeInterval(-Self.window), end: end, periodSeconds: 60, statistic: .maximum)
        // The runtime reports sessions only while there are any: no datapoint in the window is zero.
        return points.map(\.value).max() ?? 0
    }

    func sessionLimit(region: String) async throws -> Double {
        guard let quotaCode = value("AGENTCORE_SESSIONS_QUOTA_CODE", nil) else {
            throw QuotaUnavailable(reason: "AGENTCORE_SESSIONS_QUOTA_CODE is not configured")
        }
        let client = ServiceQuotasClient(client: try serviceQuotas.inRegion(region, environment: environment))
        return try await client.serviceQuota(
            serviceCode: value("AGENTCORE_QUOTA_SERVICE_CODE", "bedrock-agentcore")!, quotaCode: quotaCode).value
    }
}
