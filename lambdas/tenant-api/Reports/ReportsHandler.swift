import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// Read-only operator reports over the real tables: the busiest tenants, one
/// tenant's sessions and its invocation report, and the error rate per
/// function and agent. Staff only (the dispatcher audits each call).
struct ReportsHandler: Sendable {
    enum Ranking: String, CaseIterable, Sendable { case invocations, tokens, errors, cost }

    let dependencies: TenantAPIDependencies
    var tables: TableNames { dependencies.configuration.tables }

    /// `GET /v1/platform/reports/top-tenants?hours=&by=&limit=`.
    func topTenants(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        try RequestInput.rejectUnknownQuery(request, allowed: ["hours", "by", "limit"])
        let now = dependencies.now()
        let window = try ReportWindow(hoursText: RequestInput.query(request, "hours"), now: now)
        var ranking = Ranking.invocations
        if let text = RequestInput.query(request, "by") {
            guard let value = Ranking(rawValue: text) else {
                throw APIError.invalid([.init(field: "by", message: "must be one of \(Ranking.allCases.map(\.rawValue).joined(separator: "|"))")])
            }
            ranking = value
        }
        let limit = try Self.limit(RequestInput.query(request, "limit"))
        let invocations = try await dependencies.stores.controlPlane.scanAll(
            Invocation.self, table: tables.invocations, sortKey: window.sortKey)
        let month = YearMonth(containing: now)
        // Cost is the billing ledger's month-to-date figure: the one place prices are applied.
        let bills = try await dependencies.stores.controlPlane.scanAll(
            BillingSummary.self, table: tables.tenants, sortKey: .equals("BILLING#" + month.rawValue))
        let cost = Dictionary(bills.map { ($0.tenantID.rawValue, $0.totalCostUSD) }, uniquingKeysWith: { $1 })
        let totals = UsageTotals.grouped(invocations) { $0.tenantID.rawValue }

        struct Item: Encodable { var tenantId: String; var usage: UsageTotals; var tokens: Int; var monthToDateCostUsd: Double }
        let items = Set(totals.keys).union(ranking == .cost ? Set(cost.keys) : []).map {
            Item(tenantId: $0, usage: totals[$0] ?? UsageTotals(), tokens: (totals[$0] ?? UsageTotals()).tokens,
                 monthToDateCostUsd: cost[$0] ?? 0)
        }
        func score(_ item: Item) -> Double {
            switch ranking {
            case .invocations: Double(item.usage.invocations)
            case .tokens: Double(item.tokens)
            case .errors: Double(item.usage.errors)
            case .cost: item.monthToDateCostUsd
            }
        }
        let ranked = items.sorted { score($0) != score($1) ? score($0) > score($1) : $0.tenantId < $1.tenantId }
        struct Body: Encodable { var window: ReportWindow.Body; var by: String; var costMonth: String; var items: [Item] }
        return try APIResponse.json(200, Body(window: window.body, by: ranking.rawValue, costMonth: month.rawValue,
                                              items: Array(ranked.prefix(limit))))
    }

    /// `GET /v1/platform/tenants/{tenantId}/sessions`: the tenant's recorded runtime sessions, newest use first.
    func tenantSessions(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireStaff()
        try RequestInput.rejectUnknownQuery(request, allowed: [])
        let id = try await existingTenant(request, caller: caller)
        let now = dependencies.now()
        let sessions = try await dependencies.stores.store(for: caller, actingOn: id).queryAll(
            Session.self, table: tables.sessions, partition: TableKey.tenantPartition(id), sortKey: .beginsWith("SESSION#"))
        struct Item: Encodable {
            var sessionId: String, subject: String, agentName: String, createdAt: String, lastUsedAt: String
            var expiresAt: String, active: Bool
        }
        let items = sessions.sorted { $0.lastUsedAt > $1.lastUsedAt }.map {
            Item(sessionId: $0.sessionID.rawValue, subject: $0.subject, agentName: $0.agentName.rawValue,
                 createdAt: DynamoDBItemTimestamp.string(from: $0.createdAt),
                 lastUsedAt: DynamoDBItemTimestamp.string(from: $0.lastUsedAt),
                 expiresAt: DynamoDBItemTimestamp.string(from: $0.expiresAt), active: $0.expiresAt > now)
        }
        struct Body: Encodable { var tenantId: String; var items: [Item] }
        return try APIResponse.json(200, Body(tenantId: id.rawValue, items: items))
    }

    /// `GET /v1/platform/tenants/{tenantId}/invocations?hours=`: totals, per agent and per status.
    func invocationReport(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireStaff()
        try RequestInput.rejectUnknownQuery(request, allowed: ["hours"])
        let window = try ReportWindow(hoursText: RequestInput.query(request, "hours"), now: dependencies.now())
        let id = try await existingTenant(request, caller: caller)
        let invocations = try await dependencies.stores.store(for: caller, actingOn: id).queryAll(
            Invocation.self, table: tables.invocations, partition: TableKey.tenantPartition(id), sortKey: window.sortKey)
        struct Agent: Encodable { var agentName: String; var usage: UsageTotals }
        let agents = UsageTotals.grouped(invocations) { $0.agentName.rawValue }
            .map { Agent(agentName: $0.key, usage: $0.value) }.sorted { $0.agentName < $1.agentName }
        let statuses = UsageTotals.grouped(invocations) { $0.status.rawValue }.mapValues(\.invocations)
        var total = UsageTotals()
        invocations.forEach { total.add($0) }
        struct Body: Encodable {
            var tenantId: String; var window: ReportWindow.Body; var total: UsageTotals; var byStatus: [String: Int]
            var byAgent: [Agent]
        }
        return try APIResponse.json(200, Body(tenantId: id.rawValue, window: window.body, total: total, byStatus: statuses,
                                              byAgent: agents))
    }

    /// `GET /v1/platform/reports/error-rate?hours=`: per agent (bridge invocation records) across tenants.
    func errorRate(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        try RequestInput.rejectUnknownQuery(request, allowed: ["hours"])
        let window = try ReportWindow(hoursText: RequestInput.query(request, "hours"), now: dependencies.now())
        let invocations = try await dependencies.stores.controlPlane.scanAll(
            Invocation.self, table: tables.invocations, sortKey: window.sortKey)
        struct Item: Encodable { var function: String; var agentName: String; var usage: UsageTotals }
        struct Key: Hashable { var mode: String; var agent: String }
        // Sync and streaming invocations run in the bridge; async ones finish in the async-runner.
        let items = UsageTotals.grouped(invocations) {
            Key(mode: $0.invocationMode == .async ? "async-runner" : "bridge", agent: $0.agentName.rawValue)
        }.map { Item(function: $0.key.mode, agentName: $0.key.agent, usage: $0.value) }
            .sorted { $0.usage.errorRate != $1.usage.errorRate ? $0.usage.errorRate > $1.usage.errorRate : ($0.function, $0.agentName) < ($1.function, $1.agentName) }
        struct Body: Encodable { var window: ReportWindow.Body; var items: [Item] }
        return try APIResponse.json(200, Body(window: window.body, items: items))
    }

    /// The path's tenant, 404 when it has no metadata row (a typo must not look like an idle tenant).
    private func existingTenant(_ request: APIGatewayProxyRequest, caller: Caller) async throws -> TenantID {
        let id = try RequestInput.pathTenantID(request)
        let store = dependencies.stores.store(for: caller, actingOn: id)
        guard try await store.get(Tenant.self, table: tables.tenants, key: .tenantMetadata(id)) != nil else {
            throw APIError.notFound("Tenant \(id.rawValue)")
        }
        return id
    }

    static func limit(_ text: String?) throws(APIError) -> Int {
        guard let text else { return 10 }
        guard let value = Int(text), (1...100).contains(value) else {
            throw .invalid([.init(field: "limit", message: "must be a whole number from 1 to 100")])
        }
        return value
    }
}
