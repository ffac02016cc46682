// tool-tenant-status: a premium tool. Reports the caller's own tenant row
// (status, tier, owner), read only through DataAccess's tenant-scoped client
// for the tenant the scoped token names: it cannot name another tenant.
import AWSCore
import DataAccess
import PlatformJSON
import ToolKit

await ToolLambda.run(toolName: "tenant-status") { environment, transport in
    let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
    let table = TableNames(environment: environment).tenants
    return { caller, _ throws(ToolRefusal) in
        let scoped = TenantScopedDynamoDB(tenant: caller.tenantID, dynamoDB: dynamoDB)
        let row: Tenant?
        do {
            row = try await scoped.get(Tenant.self, from: table, key: .tenantMetadata(caller.tenantID))
        } catch {
            return ToolResult(text: "Tenant record unavailable", isError: true)
        }
        guard let row else { return ToolResult(text: "No tenant record", isError: true) }
        return ToolResult(
            text: "Tenant \(row.displayName) is \(row.status.rawValue) on the \(row.tier.rawValue) tier; owner \(row.ownerEmail.rawValue)",
            structured: [
                "tenantId": .string(row.tenantID.rawValue), "status": .string(row.status.rawValue),
                "tier": .string(row.tier.rawValue), "ownerEmail": .string(row.ownerEmail.rawValue),
            ])
    }
}
