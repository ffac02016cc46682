import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct InviteTests {
    private func invite() throws -> Invite {
        let request = InviteRequest(email: "New.User@Acme.example", roles: ["SelfService.Admin", "Agent.Invoke", "selfservice.admin"])
        return Invite(try request.validated(), inviteID: Fixtures.id("i1"), tenantID: Fixtures.tenant(), invitedBy: "sub-1", now: Fixtures.now)
    }

    @Test func createsAPendingInviteExpiringInSevenDays() throws {
        let invite = try invite()
        #expect(invite.status == .pending && invite.roles == ["SelfService.Admin", "Agent.Invoke"])
        #expect(invite.email.rawValue == "new.user@acme.example")
        #expect(invite.expiresAt == Fixtures.now.addingTimeInterval(7 * 86_400))
        #expect(invite.ttl == EpochSeconds(Fixtures.now.addingTimeInterval(37 * 86_400)))
        #expect(invite.effectiveStatus(at: Fixtures.now) == .pending)
        #expect(invite.effectiveStatus(at: invite.expiresAt) == .expired)
        var accepted = invite
        accepted.status = .accepted
        #expect(accepted.effectiveStatus(at: invite.expiresAt.addingTimeInterval(1)) == .accepted)
    }

    @Test func rolesAreStoredInTheirCanonicalSpelling() throws {
        let request = InviteRequest(email: "a@b.io", roles: ["agent.invoke", "SELFSERVICE.ADMIN", "Agent.Invoke"])
        #expect(try request.validated().roles == ["Agent.Invoke", "SelfService.Admin"])
        #expect(TenantRole.canonical("sElFsErViCe.AdMiN") == TenantRole.selfServiceAdmin)
        #expect(TenantRole.canonical("Platform.Admin") == nil)
    }

    @Test func roundTrips() throws {
        let (decoded, item) = try Fixtures.roundTrip(try invite())
        #expect(decoded == (try invite()))
        #expect(Set(item.keys) == ["PK", "SK", "inviteId", "tenantId", "email", "roles", "invitedBy", "status", "createdAt",
                                   "expiresAt", "ttl"])
        #expect(item["ttl"] == .n("1798806896"))
    }

    @Test func requestReportsEveryFieldError() {
        #expect(Fixtures.fieldErrors { _ = try InviteRequest().validated() } == ["email:REQUIRED", "roles:REQUIRED"])
        #expect(Fixtures.fieldErrors { _ = try InviteRequest(email: "x", roles: []).validated() }
            == ["email:INVALID_FORMAT", "roles:REQUIRED"])
        let many = InviteRequest(email: "a@b.io", roles: (0...10).map { "R\($0)" })
        #expect(Fixtures.fieldErrors { _ = try many.validated() } == ["roles:TOO_LONG"])
        for (role, code) in [("Platform.Admin", "NOT_ALLOWED"), ("platform.admin", "NOT_ALLOWED"), ("PLATFORM.OPERATOR", "NOT_ALLOWED"),
                             ("Machine.Invoke", "NOT_ALLOWED"), ("Tenant.User", "NOT_ALLOWED"), ("1role", "INVALID_FORMAT"),
                             ("", "INVALID_FORMAT"), ("a b", "INVALID_FORMAT"), (String(repeating: "r", count: 65), "INVALID_FORMAT")] {
            let request = InviteRequest(email: "a@b.io", roles: ["Agent.Invoke", role])
            #expect(Fixtures.fieldErrors { _ = try request.validated() } == ["roles[1]:\(code)"])
        }
    }
}
