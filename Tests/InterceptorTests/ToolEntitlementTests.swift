import DataAccess
import EntraAuth
import InterceptorKit
import Testing

@Suite struct ToolEntitlementTests {
    let store = FakeToolStore.catalogue()
    var entitlement: ToolEntitlement { ToolEntitlement(store: store) }
    static let globex = try! TenantID(validating: "globex")
    static let acme = try! TenantID(validating: "acme-basic")

    @Test func allowsAnEnabledToolAtOrAboveItsTier() async throws {
        let decision = try await entitlement.decide(toolName: "report-builder", tenantID: Self.globex, tier: .standard)
        #expect(decision == .allowed(FakeToolStore.row("report-builder", .standard)))
    }

    @Test func refusesBelowTheTierMinimum() async throws {
        #expect(try await entitlement.decide(toolName: "payments-refund", tenantID: Self.globex, tier: .standard) == .tierTooLow)
    }

    @Test func refusesUnknownAndDisabledTools() async throws {
        #expect(try await entitlement.decide(toolName: "nope", tenantID: Self.globex, tier: .premium) == .unknownTool)
        #expect(try await entitlement.decide(toolName: "legacy-export", tenantID: Self.globex, tier: .premium) == .disabled)
    }

    @Test func theTenantRowOverridesTheGlobalRow() async throws {
        #expect(try await entitlement.decide(toolName: "crm-lookup", tenantID: Self.acme, tier: .premium) == .disabled)
        #expect(try await entitlement.decide(toolName: "crm-lookup", tenantID: Self.globex, tier: .basic)
            == .allowed(FakeToolStore.row("crm-lookup", .basic)))
    }

    @Test func readsBothRowsOnBehalfOfTheCaller() async throws {
        _ = try await entitlement.decide(toolName: "payments-refund", tenantID: Self.globex, tier: .premium)
        #expect(store.reads == 2, "the tenant row, then the GLOBAL row")
        #expect(store.callers == [Self.globex])
    }

    @Test func passesStoreFailuresOn() async {
        store.fail()
        await #expect(throws: FakeToolStore.Failure.self) {
            try await entitlement.decide(toolName: "crm-lookup", tenantID: Self.globex, tier: .basic)
        }
    }

    @Test func aNameThatCannotBeAToolIsUnknownWithoutALookup() async throws {
        #expect(try await entitlement.decide(toolName: "target___x.y", tenantID: Self.globex, tier: .premium) == .unknownTool)
        #expect(store.reads == 0)
    }
}
