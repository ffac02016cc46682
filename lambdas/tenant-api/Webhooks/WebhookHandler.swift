import AWSCore
import DataAccess
import LambdaEvents
import PlatformAPI

/// `/v1/webhooks`: the caller's own tenant's job-completion webhooks. Always
/// the tenant-scoped store: another tenant's webhook is simply not found.
struct WebhookHandler: Sendable {
    static let fields: Set<String> = ["callbackUrl", "events", "description"]
    static let secretBytes = 32

    let dependencies: TenantAPIDependencies
    var table: String { dependencies.configuration.tables.tenants }

    func list(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        struct Body: Encodable { var items: [WebhookBody] }
        let webhooks = try await all(of: caller)
        let now = dependencies.now()
        return try APIResponse.json(200, Body(items: webhooks.sorted { $0.createdAt < $1.createdAt }.map { WebhookBody($0, now: now) }))
    }

    func create(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let body = try RequestBody.decode(WebhookRegistration.self, from: request, allowedFields: Self.fields)
        let validated = try body.validated(localReceivers: dependencies.configuration.webhookLocalReceivers)
        if try await all(of: caller).contains(where: { $0.status == .active && $0.callbackURL == validated.callbackURL }) {
            throw APIError(.conflict, "An active webhook with this callbackUrl exists.")
        }
        let now = dependencies.now()
        let webhook = Webhook(validated, webhookID: WebhookID(dependencies.newID()), tenantID: caller.tenantID,
                              secret: newSecret(), now: now)
        try await dependencies.stores.tenantScoped(caller.tenantID).put(webhook, table: table, guard: .absent)
        return try APIResponse.json(201, WebhookBody(webhook, now: now, revealingSecret: true),
                                    headers: ["Location": "/v1/webhooks/\(webhook.webhookID.rawValue)"])
    }

    /// `POST /v1/webhooks/{webhookId}/rotate-secret`: a new secret, returned
    /// once; the previous one keeps signing deliveries for 24 hours.
    func rotateSecret(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let id = try webhookID(request)
        let store = dependencies.stores.tenantScoped(caller.tenantID)
        guard let webhook = try await store.get(Webhook.self, table: table, key: .webhook(caller.tenantID, id)) else {
            throw APIError.notFound("Webhook \(id.rawValue)")
        }
        let now = dependencies.now()
        let rotated = webhook.rotatingSecret(to: newSecret(), now: now)
        do {
            // Two rotations at once: exactly one wins, so no secret is handed out that never signs.
            try await store.put(rotated, table: table, guard: .unchanged(
                attribute: "updatedAt", value: .s(DynamoDBItemTimestamp.string(from: webhook.updatedAt))))
        } catch is WriteConflict {
            throw APIError(.conflict, "The webhook changed while rotating its secret; retry.")
        }
        return try APIResponse.json(201, WebhookBody(rotated, now: now, revealingSecret: true))
    }

    func delete(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let id = try webhookID(request)
        let store = dependencies.stores.tenantScoped(caller.tenantID)
        do {
            try await store.delete(table: table, key: .webhook(caller.tenantID, id), guard: .present)
        } catch is WriteConflict {
            throw APIError.notFound("Webhook \(id.rawValue)")
        }
        return APIResponse.noContent()
    }

    private func webhookID(_ request: APIGatewayProxyRequest) throws -> WebhookID {
        try RequestInput.path(request, "webhookId") { text, field throws(ValidationError) in
            try WebhookID(validating: text, field: field)
        }
    }

    /// 32 random bytes as lower-case hex; the HMAC key is this text's UTF-8 bytes.
    private func newSecret() -> String {
        let digits = Array("0123456789abcdef")
        return dependencies.randomBytes(Self.secretBytes).map { byte in
            String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    private func all(of caller: Caller) async throws -> [Webhook] {
        try await dependencies.stores.tenantScoped(caller.tenantID).queryAll(
            Webhook.self, table: table, partition: TableKey.tenantPartition(caller.tenantID), sortKey: .beginsWith("WEBHOOK#"))
    }
}
