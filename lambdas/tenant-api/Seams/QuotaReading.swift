/// Reads AgentCore Runtime session usage and quota for one region
/// (CloudWatch and Service Quotas in production).
protocol QuotaReading: Sendable {
    /// The highest concurrent-session count over the recent window.
    func currentSessions(region: String) async throws -> Double
    /// The account's concurrent-session quota.
    func sessionLimit(region: String) async throws -> Double
}
