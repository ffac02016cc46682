import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// A tenant's self-service: API key rotation and user invitations, for the
/// tenant's own `SelfService.Admin` or a `Platform.Admin`.
struct SelfServiceHandler: Sendable {
    let dependencies: TenantAPIDependencies
    var tables: TableNames { dependencies.configuration.tables }

    func rotateAPIKey(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let (caller, id) = try authorise(request, context)
        let store = dependencies.stores.store(for: caller, actingOn: id)
        let tenant = try await liveTenant(id, in: store)
        let now = dependencies.now()
        let key = APIKeyMaterial(randomBytes: dependencies.randomBytes)
        let secretName = APIKeyMaterial.secretName(for: id)
        // The new row first, then the secret: once the secret holds the new key the
        // old one can no longer verify, and the new one already has its row.
        let newRecord = APIKeyRecord(keyID: key.keyID, tenantID: id, secretARN: tenant.apiKeySecretARN ?? secretName, now: now)
        try await store.put(newRecord, table: tables.tenants, guard: .absent)
        let secretARN = try await dependencies.secrets.storeSecret(name: secretName, value: try key.secretString())
        if secretARN != newRecord.secretARN {
            var corrected = newRecord
            corrected.secretARN = secretARN
            try await store.put(corrected, table: tables.tenants, guard: .present)
        }
        if let oldID = tenant.apiKeyID, oldID != key.keyID,
           let old = try await store.get(APIKeyRecord.self, table: tables.tenants, key: .apiKey(id, oldID)) {
            try await store.put(old.revoked(now: now), table: tables.tenants, guard: .present)
        }
        var updated = tenant
        updated.apiKeyID = key.keyID
        updated.apiKeySecretARN = secretARN
        updated.updatedAt = now
        try await store.put(updated, table: tables.tenants, guard: .unchanged(updatedAt: tenant.updatedAt))
        let change = ["apiKeyId": PlatformEvent.Change(from: tenant.apiKeyID.map { .string($0.rawValue) } ?? .null,
                                                       to: .string(key.keyID.rawValue))]
        try await EventPublisher(dependencies: dependencies).publish(
            .tenant(.tenantAPIKeyRotated, tenant: updated, actor: caller.actor, change: change, now: now))
        struct Body: Encodable { var tenantId: String; var apiKeyId: String; var rotatedAt: String }
        return try APIResponse.json(200, Body(tenantId: id.rawValue, apiKeyId: key.keyID.rawValue,
                                              rotatedAt: DynamoDBItemTimestamp.string(from: now)))
    }

    func invite(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let (caller, id) = try authorise(request, context)
        let body = try RequestBody.decode(InviteRequest.self, from: request, allowedFields: ["email", "roles"])
        let validated = try body.validated()
        let store = dependencies.stores.store(for: caller, actingOn: id)
        _ = try await liveTenant(id, in: store)
        let now = dependencies.now()
        let existing = try await invites(of: id, in: store)
        if existing.contains(where: { $0.email == validated.email && $0.effectiveStatus(at: now) == .pending }) {
            throw APIError(.conflict, "A pending invitation for this e-mail address exists.")
        }
        let invite = Invite(validated, inviteID: InviteID(dependencies.newID()), tenantID: id,
                            invitedBy: caller.subject, now: now)
        try await store.put(invite, table: tables.tenants, guard: .absent)
        return try APIResponse.json(202, InviteBody(invite, now: now))
    }

    func listInvites(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let (caller, id) = try authorise(request, context)
        let store = dependencies.stores.store(for: caller, actingOn: id)
        guard try await store.get(Tenant.self, table: tables.tenants, key: .tenantMetadata(id)) != nil else {
            throw APIError.notFound("Tenant \(id.rawValue)")
        }
        let now = dependencies.now()
        struct Body: Encodable { var items: [InviteBody] }
        let items = try await invites(of: id, in: store).sorted { $0.createdAt < $1.createdAt }
        return try APIResponse.json(200, Body(items: items.map { InviteBody($0, now: now) }))
    }

    // MARK: Helpers

    /// `Platform.Admin`, or a human `SelfService.Admin` of the tenant itself; machines never.
    private func authorise(_ request: APIGatewayProxyRequest, _ context: RequestContext) throws -> (Caller, TenantID) {
        let caller = try context.requireCaller()
        let id = try RequestInput.pathTenantID(request)
        guard caller.isPlatformAdmin || caller.isTenantAdmin(of: id) else { throw APIError.forbidden }
        return (caller, id)
    }

    private func liveTenant(_ id: TenantID, in store: any RecordStore) async throws -> Tenant {
        guard let tenant = try await store.get(Tenant.self, table: tables.tenants, key: .tenantMetadata(id)) else {
            throw APIError.notFound("Tenant \(id.rawValue)")
        }
        guard tenant.status != .deleted else { throw APIError(.conflict, "Tenant \(id.rawValue) is deleted.") }
        return tenant
    }

    private func invites(of id: TenantID, in store: any RecordStore) async throws -> [Invite] {
        try await store.queryAll(Invite.self, table: tables.tenants, partition: TableKey.tenantPartition(id),
                                 sortKey: .beginsWith("INVITE#"))
    }
}
