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

    static let standard = FakeAuthenticator(principals: [
        "basic-token": EntraPrincipal(tenantId: try! TenantID(validating: "globex"), appId: "app-b", tier: .basic, sub: "bea", roles: []),
        "standard-token": EntraPrincipal(tenantId: try! TenantID(validating: "globex"), appId: "app-s", tier: .standard, sub: "sam", roles: []),
        "premium-token": EntraPrincipal(tenantId: try! TenantID(validating: "globex"), appId: "app-p", tier: .premium, sub: "pat", roles: []),
        "acme-token": EntraPrincipal(tenantId: try! TenantID(validating: "acme-basic"), appId: "app-a", tier: .premium, sub: "ada", roles: []),
        "tierless-token": EntraPrincipal(tenantId: try! TenantID(validating: "globex"), appId: "app-t", tier: nil, sub: "tess", roles: []),
    ])
}
