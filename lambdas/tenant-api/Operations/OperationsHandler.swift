import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// Operator actions: runtime failover under the lock, billing status, and
/// suspending or reinstating a tenant. Every one is audited by the dispatcher.
struct OperationsHandler: Sendable {
    struct FailoverRequest: Decodable, Sendable {
        var region: String?
        var lockId: String?
        var reason: String?
    }

    struct StatusChangeRequest: Decodable, Sendable {
        var reason: String?
    }

    let dependencies: TenantAPIDependencies
    var tables: TableNames { dependencies.configuration.tables }

    func failover(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        let body = try RequestBody.decode(FailoverRequest.self, from: request, allowedFields: ["region", "lockId", "reason"])
        let regions = dependencies.configuration.runtimeRegions
        var details: [APIError.Detail] = []
        if let region = body.region { if !regions.contains(region) { details.append(.init(field: "region", message: "must be one of \(regions.joined(separator: "|"))")) } } else {
            details.append(.init(field: "region", message: "is required"))
        }
        if let lockID = body.lockId { if lockID.isEmpty || lockID.count > 128 { details.append(.init(field: "lockId", message: "must be 1 to 128 characters")) } } else {
            details.append(.init(field: "lockId", message: "is required"))
        }
        if let reason = body.reason, reason.count > 256 { details.append(.init(field: "reason", message: "must be at most 256 characters")) }
        guard details.isEmpty, let region = body.region, let lockID = body.lockId else { throw APIError.invalid(details) }

        let lock = try await dependencies.stores.controlPlane.get(
            OpsLock.self, table: tables.opsLocks, key: .lock(OpsLock.runtimeFailover))
        try OpsLock.verifyHeld(lock, lockID: lockID, now: dependencies.now())
        let parameter = TenantAPIConfiguration.runtimeRegionParameter
        let previous = try await dependencies.parameters.parameter(parameter) ?? AWSRegion.defaultRuntime.rawValue
        let changed = previous != region
        if changed { try await dependencies.parameters.putParameter(parameter, value: region) }
        dependencies.log("INFO", "runtime_region_set", ["region": region, "previousRegion": previous, "changed": "\(changed)"])
        struct Body: Encodable { var status = "completed"; var region: String; var previousRegion: String; var changed: Bool }
        return try APIResponse.json(200, Body(region: region, previousRegion: previous, changed: changed))
    }

    func billingStatus(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        try RequestInput.rejectUnknownQuery(request, allowed: ["yearMonth"])
        var month = YearMonth(containing: dependencies.now())
        if let text = RequestInput.query(request, "yearMonth") { month = try YearMonth(validating: text) }
        let summaries = try await dependencies.stores.controlPlane.scanAll(
            BillingSummary.self, table: tables.tenants, sortKey: .equals("BILLING#" + month.rawValue))
        struct Item: Encodable {
            var tenantId: String, yearMonth: String, totalInputTokens: Int, totalOutputTokens: Int
            var totalCostUsd: Double, updatedAt: String
        }
        struct Body: Encodable { var yearMonth: String; var items: [Item] }
        let items = summaries.sorted { $0.tenantID.rawValue < $1.tenantID.rawValue }.map {
            Item(tenantId: $0.tenantID.rawValue, yearMonth: $0.yearMonth.rawValue, totalInputTokens: $0.totalInputTokens,
                 totalOutputTokens: $0.totalOutputTokens, totalCostUsd: $0.totalCostUSD,
                 updatedAt: DynamoDBItemTimestamp.string(from: $0.updatedAt))
        }
        return try APIResponse.json(200, Body(yearMonth: month.rawValue, items: items))
    }

    func suspend(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        try await changeStatus(request, context, to: .suspended)
    }

    func reinstate(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        try await changeStatus(request, context, to: .active)
    }

    /// Idempotent when the tenant already has `status`; a deleted tenant is 409;
    /// the operator tenant itself is never suspended (403).
    private func changeStatus(
        _ request: APIGatewayProxyRequest, _ context: RequestContext, to status: TenantStatus
    ) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireStaff()
        let id = try RequestInput.pathTenantID(request)
        let body = try RequestInput.optionalBody(StatusChangeRequest.self, from: request, allowedFields: ["reason"])
        if let reason = body?.reason, reason.count > 256 {
            throw APIError.invalid([.init(field: "reason", message: "must be at most 256 characters")])
        }
        if id == .platform && status == .suspended { throw APIError.forbidden }
        let store = dependencies.stores.store(for: caller, actingOn: id)
        guard let tenant = try await store.get(Tenant.self, table: tables.tenants, key: .tenantMetadata(id)) else {
            throw APIError.notFound("Tenant \(id.rawValue)")
        }
        guard tenant.status != .deleted else { throw APIError(.conflict, "Tenant \(id.rawValue) is deleted.") }
        var updated = tenant
        if tenant.status != status {
            let now = dependencies.now()
            updated.status = status
            updated.updatedAt = now
            try await store.put(updated, table: tables.tenants, guard: .unchanged(updatedAt: tenant.updatedAt))
            try await EventPublisher(dependencies: dependencies).publish(.tenant(
                .tenantUpdated, tenant: updated, actor: caller.actor, change: TenantChange.between(tenant, updated),
                now: now, reason: body?.reason))
        }
        struct Body: Encodable { var tenantId: String; var status: String; var previousStatus: String; var updatedAt: String }
        return try APIResponse.json(200, Body(
            tenantId: id.rawValue, status: updated.status.rawValue, previousStatus: tenant.status.rawValue,
            updatedAt: DynamoDBItemTimestamp.string(from: updated.updatedAt)))
    }
}
