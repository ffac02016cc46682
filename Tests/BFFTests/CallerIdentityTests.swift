import Testing
@testable import BFF

@Suite struct CallerIdentityTests {
    @Test func readsTheAuthoriserContext() throws {
        let caller = try CallerIdentity(authorizerContext: [
            "tenantId": "acme-basic", "appId": "acme-app", "tier": "standard", "sub": "user@acme",
            "roles": #"["Tenant.Admin"]"#, "principalId": "user@acme",
        ])
        #expect(caller == CallerIdentity(tenantID: "acme-basic", appID: "acme-app", tier: "standard", subject: "user@acme", roles: ["Tenant.Admin"]))
        #expect(!caller.isMachine)
    }

    @Test func machineRoleAndUnreadableRoles() throws {
        let base = ["tenantId": "t", "appId": "a", "sub": "s"]
        #expect(try CallerIdentity(authorizerContext: base.merging(["roles": #"["Machine.Invoke"]"#]) { $1 }).isMachine)
        #expect(try CallerIdentity(authorizerContext: base.merging(["roles": "not json"]) { $1 }).roles == [])
        #expect(try CallerIdentity(authorizerContext: base).tier == "basic")
    }

    @Test(arguments: [nil, [:], ["tenantId": "", "appId": "a", "sub": "s"], ["appId": "a", "sub": "s"], ["tenantId": "t", "appId": "a"]])
    func missingIdentityIsUnauthenticated(context: [String: String]?) {
        #expect(throws: BFFError(code: .unauthenticated, message: "missing caller identity")) {
            try CallerIdentity(authorizerContext: context)
        }
    }
}
