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
        return try APIResponse.json(200, Body(items: webhooks.sorted { $0.createdAt < $1.createdAt }.map { WebhookBody($0) }))
    }

    func create(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let body = try RequestBody.decode(WebhookRegistration.self, from: request, allowedFields: Self.fields)
        let validated = try body.validated(localEnvironment: dependencies.configuration.isLocal)
        if try await all(of: caller).contains(where: { $0.status == .active && $0.callbackURL == validated.callbackURL }) {
            throw APIError(.conflict, "An active webhook with this callbackUrl exists.")
        }
        // 32 random bytes as lower-case hex; the HMAC key is this text's UTF-8 bytes.
        let secret = dependencies.randomBytes(Self.secretBytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let webhook = Webhook(validated, webhookID: WebhookID(dependencies.newID()), tenantID: caller.tenantID,
                              secret: secret, now: dependencies.now())
        try await dependencies.stores.tenantScoped(caller.tenantID).put(webhook, table: table, guard: .absent)
        return try APIResponse.json(201, WebhookBody(webhook, includeSigning: true),
                                    headers: ["Location": "/v1/webhooks/\(webhook.webhookID.rawValue)"])
    }

    func delete(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireCaller()
        let id = try RequestInput.path(request, "webhookId") { text, field throws(ValidationError) in
            try WebhookID(validating: text, field: field)
        }
        let store = dependencies.stores.tenantScoped(caller.tenantID)
        do {
            try await store.delete(table: table, key: .webhook(caller.tenantID, id), guard: .present)
        } catch is WriteConflict {
            throw APIError.notFound("Webhook \(id.rawValue)")
        }
        return APIResponse.noContent()
    }

    private func all(of caller: Caller) async throws -> [Webhook] {
        try await dependencies.stores.tenantScoped(caller.tenantID).queryAll(
            Webhook.self, table: table, partition: TableKey.tenantPartition(caller.tenantID), sortKey: .beginsWith("WEBHOOK#"))
    }
}
