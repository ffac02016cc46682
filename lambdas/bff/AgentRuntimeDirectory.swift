/// Finds the AgentCore runtime serving an agent (its newest promoted version).
protocol AgentRuntimeDirectory: Sendable {
    func runtimeARN(agentName: String, tenantID: String) async throws -> String?
}
