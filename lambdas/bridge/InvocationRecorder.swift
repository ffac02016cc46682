import DataAccess
import FoundationEssentials

/// Writes the INVOCATION record and the `Platform/Bridge` EMF metrics for one outcome.
struct InvocationRecorder: Sendable {
    let store: any TenantStore
    let metrics: any BridgeMetrics
    let log: @Sendable (String) -> Void

    func record(_ invocation: Invocation) async {
        do {
            try await store.putInvocation(invocation)
        } catch {
            // The answer still goes out; the missing record is visible in logs and alarms.
            log("invocation record not written for \(invocation.invocationID.rawValue): \(type(of: error))")
        }
        var values: [(name: String, value: Double, unit: String)] = [
            ("Invocations", 1, "Count"), ("Latency", Double(invocation.latencyMs), "Milliseconds"),
            ("InputTokens", Double(invocation.inputTokens), "Count"),
            ("OutputTokens", Double(invocation.outputTokens), "Count"),
        ]
        values.append(("Errors", invocation.status == .success ? 0 : 1, "Count"))
        metrics.emit(values, dimensions: [("TenantId", invocation.tenantID.rawValue),
                                          ("AgentName", invocation.agentName.rawValue)])
    }
}
