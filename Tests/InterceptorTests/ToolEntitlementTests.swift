import EntraAuth
import InterceptorKit
import Testing

@Suite struct ToolEntitlementTests {
    let store = FakeToolStore.catalogue()
    var entitlement: ToolEntitlement { ToolEntitlement(store: store) }

    @Test func allowsAnEnabledToolAtOrAboveItsTier() async throws {
        let decision = try await entitlement.decide(toolName: "report-builder", tenantId: "globex", tier: .standard)
        #expect(decision == .allowed(ToolRecord(toolName: "report-builder", tierMinimum: .standard, enabled: true)))
    }

    @Test func refusesBelowTheTierMinimum() async throws {
        #expect(try await entitlement.decide(toolName: "payments-refund", tenantId: "globex", tier: .standard) == .tierTooLow)
    }

    @Test func refusesUnknownAndDisabledTools() async throws {
        #expect(try await entitlement.decide(toolName: "nope", tenantId: "globex", tier: .premium) == .unknownTool)
        #expect(try await entitlement.decide(toolName: "legacy-export", tenantId: "globex", tier: .premium) == .disabled)
    }

    @Test func theTenantRowOverridesTheGlobalRow() async throws {
        #expect(try await entitlement.decide(toolName: "crm-lookup", tenantId: "acme-basic", tier: .premium) == .disabled)
        #expect(try await entitlement.decide(toolName: "crm-lookup", tenantId: "globex", tier: .basic)
            == .allowed(ToolRecord(toolName: "crm-lookup", tierMinimum: .basic, enabled: true)))
    }

    @Test func passesStoreFailuresOn() async {
        store.fail()
        await #expect(throws: FakeToolStore.Failure.self) {
            try await entitlement.decide(toolName: "crm-lookup", tenantId: "globex", tier: .basic)
        }
    }

    @Test func scopesNameTheirSortKeys() {
        #expect(ToolScope.tenant("acme").sortKey == "TENANT#acme")
        #expect(ToolScope.global.sortKey == "GLOBAL")
    }
}
