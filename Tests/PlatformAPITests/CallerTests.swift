import DataAccess
import Testing
@testable import PlatformAPI

@Suite struct SharedCallerTests {
    let context = ["tenantId": "acme", "appId": "acme-app", "sub": "u1", "tier": "premium", "roles": #"["SelfService.Admin"]"#]

    @Test func readsTypedIdentityFromTheAuthoriserContext() throws {
        let caller = try Caller(authorizer: context)
        #expect(caller.tenantID.rawValue == "acme" && caller.appID == "acme-app" && caller.subject == "u1")
        #expect(caller.tier == .premium && caller.effectiveTier == .premium)
        #expect(caller.isTenantAdmin(of: caller.tenantID) && !caller.isMachine && !caller.isPlatformStaff)
    }

    @Test func aMissingOrUnknownTierGrantsTheLeast() throws {
        var noTier = context
        noTier["tier"] = nil
        #expect(try Caller(authorizer: noTier).effectiveTier == .basic)
        noTier["tier"] = "gold"
        #expect(try Caller(authorizer: noTier).tier == nil)
    }

    @Test func machineCallersAreNeverAdmins() throws {
        var machine = context
        machine["tenantId"] = "platform"
        machine["roles"] = #"["Machine.Invoke","Platform.Admin"]"#
        let caller = try Caller(authorizer: machine)
        #expect(caller.isMachine && !caller.isPlatformAdmin && !caller.isTenantAdmin(of: caller.tenantID))
    }
}
