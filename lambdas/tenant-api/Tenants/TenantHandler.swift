import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// `/v1/tenants` and `/v1/tenants/{tenantId}`: create, list, read, update, soft delete.
struct TenantHandler: Sendable {
    static let createFields: Set<String> = [
        "tenantId", "appId", "displayName", "tier", "ownerEmail", "ownerTeam", "accountId",
        "monthlyBudgetUsd", "runtimeRegion", "fallbackRegion",
    ]
    static let updateFields: Set<String> = [
        "displayName", "tier", "status", "monthlyBudgetUsd", "runtimeRegion", "fallbackRegion",
    ]
    /// At most this many scan calls serve one page, so a sparse filter cannot run away.
    static let maxScanCallsPerPage = 25

    let dependencies: TenantAPIDependencies
    var tables: TableNames { dependencies.configuration.tables }

    func create(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireStaff()
        let body = try RequestBody.decode(TenantRegistration.self, from: request, allowedFields: Self.createFields)
        let now = dependencies.now()
        let tenant = Tenant(try body.validated(), now: now)
        try RuntimeRegionRules.check(tenant, allowed: dependencies.configuration.runtimeRegions)
        let store = dependencies.stores.controlPlane
        do {
            try await store.put(tenant, table: tables.tenants, guard: .absent)
        } catch is WriteConflict {
            throw APIError(.conflict, "Tenant \(tenant.tenantID.rawValue) already exists.")
        }
        let provisioned = try await TenantProvisioner(dependencies: dependencies).provision(tenant, store: store)
        try await publish(.tenant(.tenantCreated, tenant: provisioned, actor: caller.actor,
                                  change: TenantChange.between(nil, provisioned), now: now))
        return try APIResponse.json(201, TenantBody(provisioned), headers: ["Location": "/v1/tenants/\(tenant.tenantID.rawValue)"])
    }

    func list(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let query = try TenantListQuery(request)
        guard caller.isPlatformStaff else {
            // Everyone else sees a single page holding only their own tenant.
            guard query.nextToken == nil else { throw InvalidNextToken() }
            let own = try await dependencies.stores.tenantScoped(caller.tenantID)
                .get(Tenant.self, table: tables.tenants, key: .tenantMetadata(caller.tenantID))
            let items = [own].compactMap { $0 }.filter(query.matches).map { TenantBody($0) }
            return try APIResponse.json(200, TenantPageBody(items: items, nextToken: nil))
        }
        var items: [Tenant] = []
        var token = query.nextToken
        for _ in 0..<Self.maxScanCallsPerPage {
            // Asking for no more rows than are still missing means a page never overshoots
            // `limit`, so the scan's own cursor is always the right next token.
            let page = try await dependencies.stores.controlPlane.scan(
                Tenant.self, table: tables.tenants, sortKey: .equals(TableKey.metadata), limit: query.limit - items.count,
                nextToken: token)
            items += page.items.filter(query.matches)
            token = page.nextToken
            if items.count >= query.limit || token == nil { break }
        }
        return try APIResponse.json(200, TenantPageBody(items: items.map { TenantBody($0) }, nextToken: token))
    }

    func read(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let id = try RequestInput.pathTenantID(request)
        guard caller.isPlatformStaff || caller.tenantID == id else { throw APIError.forbidden }
        let store = dependencies.stores.store(for: caller, actingOn: id)
        let tenant = try await existing(id, in: store)
        let usage = try await TenantUsageReader(dependencies: dependencies).usage(of: tenant, store: store)
        return try APIResponse.json(200, TenantBody(tenant, usage: usage))
    }

    func update(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireStaff()
        let id = try RequestInput.pathTenantID(request)
        let body = try RequestBody.decode(TenantUpdate.self, from: request, allowedFields: Self.updateFields)
        if body.status == TenantStatus.deleted.rawValue {
            throw APIError.invalid([.init(field: "status", message: "must be one of active|suspended (delete through DELETE)")])
        }
        let store = dependencies.stores.store(for: caller, actingOn: id)
        let tenant = try await existing(id, in: store)
        guard tenant.status != .deleted else { throw APIError(.conflict, "Tenant \(id.rawValue) is deleted.") }
        let now = dependencies.now()
        let updated = try body.applied(to: tenant, now: now)
        try RuntimeRegionRules.check(updated, allowed: dependencies.configuration.runtimeRegions)
        if id == .platform && updated.status != tenant.status { throw APIError.forbidden }
        try await store.put(updated, table: tables.tenants, guard: .unchanged(updatedAt: tenant.updatedAt))
        let change = TenantChange.between(tenant, updated)
        let type: PlatformEvent.DetailType = change["tier"] == nil ? .tenantUpdated : .tenantTierChanged
        try await publish(.tenant(type, tenant: updated, actor: caller.actor, change: change, now: now))
        return try APIResponse.json(200, TenantBody(updated))
    }

    func delete(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let id = try RequestInput.pathTenantID(request)
        // The authoriser admits operators to admin routes; deletion is for Platform.Admin only.
        guard caller.isPlatformAdmin, id != .platform else { throw APIError.forbidden }
        let store = dependencies.stores.controlPlane
        let tenant = try await existing(id, in: store)
        guard tenant.status != .deleted else { throw APIError(.conflict, "Tenant \(id.rawValue) is already deleted.") }
        let now = dependencies.now()
        let deleted = tenant.deleted(now: now)
        try await store.put(deleted, table: tables.tenants, guard: .unchanged(updatedAt: tenant.updatedAt))
        var change = TenantChange.between(tenant, deleted)
        change["purgeAt"] = .init(from: .null, to: .string(TenantBody(deleted).purgeAt ?? ""))
        try await publish(.tenant(.tenantDeleted, tenant: deleted, actor: caller.actor, change: change, now: now))
        struct Body: Encodable { var tenantId: String; var status = "delete_scheduled"; var retentionDays = 30 }
        return try APIResponse.json(202, Body(tenantId: id.rawValue))
    }

    // MARK: Helpers

    func existing(_ id: TenantID, in store: any RecordStore) async throws -> Tenant {
        guard let tenant = try await store.get(Tenant.self, table: tables.tenants, key: .tenantMetadata(id)) else {
            throw APIError.notFound("Tenant \(id.rawValue)")
        }
        return tenant
    }

    func publish(_ event: PlatformEvent) async throws {
        try await EventPublisher(dependencies: dependencies).publish(event)
    }
}
