import Testing
@testable import DataAccess

@Suite struct TableNamesTests {
    @Test func defaultsToThePlatformNames() {
        let names = TableNames.defaults
        #expect([names.tenants, names.agents, names.tools, names.opsLocks, names.invocations, names.jobs, names.sessions,
                 names.idempotency] == ["platform-tenants", "platform-agents", "platform-tools", "platform-ops-locks",
                                        "platform-invocations", "platform-jobs", "platform-sessions", "platform-idempotency"])
    }

    @Test func readsOverridesAndIgnoresEmptyValues() {
        let names = TableNames(environment: [
            "TENANTS_TABLE": "t", "AGENTS_TABLE": "a", "TOOLS_TABLE": "to", "OPS_LOCKS_TABLE": "l",
            "INVOCATIONS_TABLE": "i", "JOBS_TABLE": "j", "SESSIONS_TABLE": "s", "IDEMPOTENCY_TABLE": "",
        ])
        #expect([names.tenants, names.agents, names.tools, names.opsLocks, names.invocations, names.jobs, names.sessions]
            == ["t", "a", "to", "l", "i", "j", "s"])
        #expect(names.idempotency == "platform-idempotency")
        #expect(names != .defaults)
    }
}
