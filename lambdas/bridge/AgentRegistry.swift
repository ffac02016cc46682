import DataAccess

/// Control-plane reads of `platform-agents` (not tenant data).
protocol AgentRegistry: Sendable {
    func versions(of name: AgentName) async throws -> [AgentVersion]
    func allVersions() async throws -> [AgentVersion]
}
