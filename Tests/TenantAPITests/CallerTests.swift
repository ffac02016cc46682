import PlatformAPI
import DataAccess
import Foundation
import Testing
@testable import TenantAPI

@Suite struct CallerTests {
    @Test func readsTheAuthoriserContextOnly() throws {
        let caller = try Caller(authorizer: TestCaller.tenantAdmin("acme").context)
        #expect(caller.tenantID.rawValue == "acme" && caller.subject == "admin@acme" && caller.tier == .standard)
        #expect(caller.isTenantAdmin(of: try TenantID(validating: "acme")))
        #expect(!caller.isTenantAdmin(of: try TenantID(validating: "globex")))
        #expect(!caller.isPlatformStaff)
    }

    @Test func platformRolesCountOnlyOnThePlatformTenant() throws {
        let spoofed = try Caller(authorizer: TestCaller(tenant: "acme", roles: ["Platform.Admin"]).context)
        #expect(!spoofed.isPlatformAdmin && !spoofed.isPlatformStaff)
        let machine = try Caller(authorizer: TestCaller(tenant: "platform", roles: ["Machine.Invoke", "Platform.Admin"]).context)
        #expect(!machine.isPlatformStaff)
        #expect(try Caller(authorizer: TestCaller.platformOperator.context).isPlatformStaff)
        #expect(!(try Caller(authorizer: TestCaller.platformOperator.context).isPlatformAdmin))
    }

    @Test func missingOrMalformedContextIsUnauthenticated() async throws {
        for context in [nil, [:], ["tenantId": "acme"], ["tenantId": "ACME", "appId": "a"], ["tenantId": "acme", "appId": "a", "roles": "not json"]] {
            #expect(throws: Error.self) { try Caller(authorizer: context) }
        }
        let response = await TestHarness().call("GET", "/v1/tenants", as: nil)
        #expect(response.status == 401 && response.errorCode == "UNAUTHENTICATED")
        let unknown = await TestHarness().call("GET", "/v1/nothing", as: .platformAdmin)
        #expect(unknown.status == 404)
    }
}
