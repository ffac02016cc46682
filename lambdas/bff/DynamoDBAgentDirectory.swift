import AWSCore
import DataAccess

/// Resolves an agent to the runtime of its newest promoted version (`platform-agents`).
struct DynamoDBAgentDirectory: AgentRuntimeDirectory {
    let dynamoDB: DynamoDBClient
    let tableName: String

    func runtimeARN(agentName: String) async throws -> String? {
        guard let name = try? AgentName(validating: agentName) else { return nil }
        let items = try await dynamoDB.queryAll(.init(
            tableName: tableName, keyConditionExpression: "PK = :pk",
            expressionAttributeValues: [":pk": .s(TableKey.agentPartition(name))]))
        let promoted = try items.map { item throws(RecordDecodingError) in try AgentVersion(item: item) }
            .filter { $0.status == .promoted }
        return promoted.max { $0.version < $1.version }?.runtimeARN
    }
}
