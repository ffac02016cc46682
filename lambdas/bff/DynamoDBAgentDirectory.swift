import AWSCore
import DataAccess

/// Resolves an agent to the runtime of its newest promoted version (`platform-agents`),
/// a shared partition read through the caller's `TenantScopedDynamoDB`.
struct DynamoDBAgentDirectory: AgentRuntimeDirectory {
    let dynamoDB: DynamoDBClient
    let tableName: String

    func runtimeARN(agentName: String, tenantID: String) async throws -> String? {
        guard let name = try? AgentName(validating: agentName), let tenant = try? TenantID(validating: tenantID) else {
            return nil
        }
        let store = TenantScopedDynamoDB(tenant: tenant, dynamoDB: dynamoDB)
        var promoted: [AgentVersion] = []
        var nextToken: String?
        repeat {
            let page = try await store.queryShared(AgentVersion.self, from: tableName, partition: TableKey.agentPartition(name),
                                                   nextToken: nextToken)
            promoted += page.items.filter { $0.status == .promoted }
            nextToken = page.nextToken
        } while nextToken != nil
        return promoted.max { $0.version < $1.version }?.runtimeARN
    }
}
