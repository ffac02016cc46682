/// Creates a tenant's AgentCore Memory store (the AgentCore control plane in production).
protocol MemoryProvisioning: Sendable {
    /// Returns the new memory store's ARN.
    func createMemoryStore(name: String, description: String) async throws -> String
}
