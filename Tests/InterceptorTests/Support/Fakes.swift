import EntraAuth
import FoundationEssentials
import InterceptorKit
import Synchronization

/// Tool rows in memory, counting reads; `failing` makes every read throw.
final class FakeToolStore: ToolStore {
    struct Failure: Error {}

    private let state: Mutex<(rows: [String: ToolRecord], reads: Int, failing: Bool)>

    init(_ rows: [(String, ToolScope, ToolRecord)] = []) {
        state = Mutex((Dictionary(uniqueKeysWithValues: rows.map { ("\($0.0)|\($0.1.sortKey)", $0.2) }), 0, false))
    }

    var reads: Int { state.withLock { $0.reads } }
    func fail() { state.withLock { $0.failing = true } }

    func tool(named name: String, scope: ToolScope) async throws -> ToolRecord? {
        let (row, failing) = state.withLock { state in
            state.reads += 1
            return (state.rows["\(name)|\(scope.sortKey)"], state.failing)
        }
        if failing { throw Failure() }
        return row
    }

    /// The development catalogue, plus one tenant override.
    static func catalogue() -> FakeToolStore {
        FakeToolStore([
            ("crm-lookup", .global, ToolRecord(toolName: "crm-lookup", tierMinimum: .basic, enabled: true)),
            ("report-builder", .global, ToolRecord(toolName: "report-builder", tierMinimum: .standard, enabled: true)),
            ("payments-refund", .global, ToolRecord(toolName: "payments-refund", tierMinimum: .premium, enabled: true)),
            ("legacy-export", .global, ToolRecord(toolName: "legacy-export", tierMinimum: .basic, enabled: false)),
            // acme-basic has crm-lookup switched off for itself.
            ("crm-lookup", .tenant("acme-basic"), ToolRecord(toolName: "crm-lookup", tierMinimum: .basic, enabled: false)),
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
        "basic-token": EntraPrincipal(tenantId: "globex", appId: "app-b", tier: .basic, sub: "bea", roles: []),
        "standard-token": EntraPrincipal(tenantId: "globex", appId: "app-s", tier: .standard, sub: "sam", roles: []),
        "premium-token": EntraPrincipal(tenantId: "globex", appId: "app-p", tier: .premium, sub: "pat", roles: []),
        "acme-token": EntraPrincipal(tenantId: "acme-basic", appId: "app-a", tier: .premium, sub: "ada", roles: []),
        "tierless-token": EntraPrincipal(tenantId: "globex", appId: "app-t", tier: nil, sub: "tess", roles: []),
    ])
}
