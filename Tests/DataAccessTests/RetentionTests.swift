import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct RetentionTests {
    @Test func derivesTTLsFromTheInjectedNow() {
        let base: Int64 = 1_795_610_096
        #expect(Retention.invocationTTL(now: Fixtures.now).rawValue == base + 90 * 86_400)
        #expect(Retention.jobTTL(now: Fixtures.now).rawValue == base + 7 * 86_400)
        #expect(Retention.sessionTTL(now: Fixtures.now).rawValue == base + 86_400)
        #expect(Retention.idempotency == 86_400 && Retention.interceptorIdempotency == 300 && Retention.lock == 300)
        #expect(Retention.sessionIdle == 900 && Retention.invite == 7 * 86_400)
        #expect(Retention.expiredInviteKept == 30 * 86_400 && Retention.deletedTenant == 30 * 86_400)
    }
}
