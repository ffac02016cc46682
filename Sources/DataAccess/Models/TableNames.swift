/// The DynamoDB table names, overridable per environment.
///
/// Variables (each falls back to its default when unset or empty):
/// `TENANTS_TABLE` (`platform-tenants`), `AGENTS_TABLE` (`platform-agents`),
/// `TOOLS_TABLE` (`platform-tools`), `OPS_LOCKS_TABLE` (`platform-ops-locks`),
/// `INVOCATIONS_TABLE` (`platform-invocations`), `JOBS_TABLE`
/// (`platform-jobs`), `SESSIONS_TABLE` (`platform-sessions`),
/// `IDEMPOTENCY_TABLE` (`platform-idempotency`).
public struct TableNames: Sendable, Equatable {
    public var tenants: String
    public var agents: String
    public var tools: String
    public var opsLocks: String
    public var invocations: String
    public var jobs: String
    public var sessions: String
    public var idempotency: String

    public static let defaults = TableNames(environment: [:])

    /// Reads the names from `environment` (inject `ProcessInfo`'s in `main`).
    public init(environment: [String: String]) {
        func name(_ variable: String, _ fallback: String) -> String {
            guard let value = environment[variable], !value.isEmpty else { return fallback }
            return value
        }
        tenants = name("TENANTS_TABLE", "platform-tenants")
        agents = name("AGENTS_TABLE", "platform-agents")
        tools = name("TOOLS_TABLE", "platform-tools")
        opsLocks = name("OPS_LOCKS_TABLE", "platform-ops-locks")
        invocations = name("INVOCATIONS_TABLE", "platform-invocations")
        jobs = name("JOBS_TABLE", "platform-jobs")
        sessions = name("SESSIONS_TABLE", "platform-sessions")
        idempotency = name("IDEMPOTENCY_TABLE", "platform-idempotency")
    }
}
