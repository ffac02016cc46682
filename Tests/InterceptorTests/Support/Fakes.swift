import DataAccess
import EntraAuth
import FoundationEssentials
import InterceptorKit
import Synchronization

/// Tool rows in memory, counting reads; `fail()` makes every read throw.
final class FakeToolStore: ToolStore {
    struct Failure: Error {}

    private let state: Mutex<(rows: [TableKey: Tool], reads: Int, callers: Set<TenantID>, failing: Bool)>

    init(_ rows: [Tool] = []) {
        state = Mutex((Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) }), 0, [], false))
    }

    var reads: Int { state.withLock { $0.reads } }
    /// The tenants on whose behalf rows were read.
    var callers: Set<TenantID> { state.withLock { $0.callers } }
    func fail() { state.withLock { $0.failing = true } }

    func tool(named name: ToolName, owner: TenantID?, caller: TenantID) async throws -> Tool? {
        let (row, failing) = state.withLock { state in
            state.reads += 1
            state.callers.insert(caller)
            return (state.rows[.tool(name, tenantID: owner)], state.failing)
        }
        if failing { throw Failure() }
        return row
    }

    static func row(_ name: String, _ tier: Tier, enabled: Bool = true, tenant: String? = nil) -> Tool {
        Tool(toolName: try! ToolName(validating: name), tenantID: tenant.map { try! TenantID(validating: $0) },
             tierMinimum: tier, lambdaARN: "arn:aws:lambda:eu-west-2:123456789012:function:tool-\(name)", enabled: enabled)
    }

    /// The development catalogue, plus one tenant override.
    static func catalogue() -> FakeToolStore {
        FakeToolStore([
            row("crm-lookup", .basic),
            row("report-builder", .standard),
            row("payments-refund", .premium),
            row("legacy-export", .basic, enabled: false),
            // acme-basic has crm-lookup switched off for itself.
            row("crm-lookup", .basic, enabled: false, tenant: "acme-basic"),
        ])
    }
}

/// Tenant rows in memory, counting reads; `fail()` makes every read throw.
final class FakeTenantStore: TenantStore {
    struct Failure: Error {}

    private let state: Mutex<(rows: [TenantID: Tenant], reads: Int, failing: Bool)>

    init(_ rows: [Tenant] = []) {
        state = Mutex((Dictionary(uniqueKeysWithValues: rows.map { ($0.tenantID, $0) }), 0, false))
    }

    var reads: Int { state.withLock { $0.reads } }
    func fail() { state.withLock { $0.failing = true } }
    func update(_ tenant: Tenant) { state.withLock { $0.rows[tenant.tenantID] = tenant } }

    func tenant(_ tenantID: TenantID) async throws -> Tenant? {
        let (row, failing) = state.withLock { state in
            state.reads += 1
            return (state.rows[tenantID], state.failing)
        }
        if failing { throw Failure() }
        return row
    }

    static func row(_ id: String, _ tier: Tier, status: TenantStatus = .active) -> Tenant {
        let registration = try! TenantRegistration(
            tenantId: id, appId: "\(id)-app", displayName: id, tier: tier.rawValue,
            ownerEmail: "owner@\(id).example", ownerTeam: "team", accountId: "123456789012", monthlyBudgetUsd: 100
        ).validated()
        var tenant = Tenant(registration, now: Date(timeIntervalSince1970: 1_700_000_000))
        tenant.status = status
        return tenant
    }

    /// The tenants behind `FakeAuthenticator.standard`'s tokens.
    static func catalogue() -> FakeTenantStore {
        FakeTenantStore([
            row("globex", .premium), row("initech", .standard), row("hooli", .basic), row("acme-basic", .premium),
            row("umbrella", .premium, status: .suspended), row("gone-co", .premium, status: .deleted),
        ])
    }
}

/// Accepts tokens named in a table, as if verified.
struct FakeAuthenticator {
    var principals: [String: EntraPrincipal]
    var failure: EntraAuthError = .badSignature

    var function: Authenticator {
        let principals = principals
        let failure = failure
        return { (token: String) throws(EntraAuthError) -> EntraPrincipal in
            guard let principal = principals[token] else { throw failure }
            return principal
        }
    }

    static func principal(_ tenant: String, app: String, tier: Tier?, sub: String) -> EntraPrincipal {
        EntraPrincipal(tenantId: try! TenantID(validating: tenant), appId: app, tier: tier, sub: sub, roles: [])
    }

    /// Each token's `tier` claim; what counts is the tenant row (`FakeTenantStore.catalogue`).
    static let standard = FakeAuthenticator(principals: [
        "premium-token": principal("globex", app: "app-p", tier: .premium, sub: "pat"),
        "premium2-token": principal("globex", app: "app-p2", tier: .premium, sub: "pam"),
        "standard-token": principal("initech", app: "app-s", tier: .standard, sub: "sam"),
        "basic-token": principal("hooli", app: "app-b", tier: .basic, sub: "bea"),
        "tierless-token": principal("hooli", app: "app-t", tier: nil, sub: "tess"),
        // A hooli user whose token claims a tier its tenant does not have.
        "liar-token": principal("hooli", app: "app-l", tier: .premium, sub: "liam"),
        "acme-token": principal("acme-basic", app: "app-a", tier: .premium, sub: "ada"),
        "suspended-token": principal("umbrella", app: "app-u", tier: .premium, sub: "sue"),
        "deleted-token": principal("gone-co", app: "app-g", tier: .premium, sub: "gus"),
        "ghost-token": principal("nowhere", app: "app-n", tier: .premium, sub: "nia"),
    ])
}
