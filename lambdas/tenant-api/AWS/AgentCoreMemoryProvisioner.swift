import AWSCore

/// ``MemoryProvisioning`` over the AgentCore control plane's CreateMemory.
struct AgentCoreMemoryProvisioner: MemoryProvisioning {
    let client: AgentCoreControlClient
    let eventExpiryDays: Int

    func createMemoryStore(name: String, description: String) async throws -> String {
        try await client.createMemory(name: name, eventExpiryDays: eventExpiryDays, description: description).arn
    }
}
