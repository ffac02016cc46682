import AgentInvocation
import DataAccess
import FoundationEssentials

/// Everything the bridge talks to, injected by `main.swift` (or a test).
struct BridgeDependencies: Sendable {
    var registry: any AgentRegistry
    /// The caller's tenant data; built per request from the authoriser's tenant.
    var tenantStore: @Sendable (TenantID) -> any TenantStore
    /// The caller's idempotency records; built per request from the authoriser's tenant.
    var idempotency: @Sendable (TenantID) -> any IdempotencyStore
    /// The key runtime session ids are derived with (ADR 0026).
    var sessionKey: any SessionKeySource
    var credentials: any TenantCredentialSource
    var runtime: any AgentRuntime
    var failover: FailoverInvoker
    var asyncRunner: any AsyncRunnerStarter
    var results: any ResultLinker
    var metrics: any BridgeMetrics
    var log: @Sendable (String) -> Void
    var now: @Sendable () -> Date
    var newID: @Sendable () -> UUID
}
