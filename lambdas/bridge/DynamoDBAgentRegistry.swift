import AWSCore
import DataAccess

/// `AgentRegistry` on DynamoDB. Rows that do not decode are skipped (and
/// counted by the caller's logs), so one bad registration cannot hide the rest.
struct DynamoDBAgentRegistry: AgentRegistry {
    let dynamoDB: DynamoDBClient
    let table: String

    func versions(of name: AgentName) async throws -> [AgentVersion] {
        let items = try await dynamoDB.queryAll(.init(
            tableName: table, keyConditionExpression: "PK = :pk",
            expressionAttributeValues: [":pk": .s(TableKey.agentPartition(name))]))
        return items.compactMap { try? AgentVersion(item: $0) }
    }

    func allVersions() async throws -> [AgentVersion] {
        var input = DynamoDBClient.ScanInput(tableName: table)
        var versions: [AgentVersion] = []
        for _ in 0..<100 {
            let page = try await dynamoDB.scan(input)
            versions += page.items.compactMap { try? AgentVersion(item: $0) }
            guard let next = page.lastEvaluatedKey, !next.isEmpty else { break }
            input.exclusiveStartKey = next
        }
        return versions
    }
}
