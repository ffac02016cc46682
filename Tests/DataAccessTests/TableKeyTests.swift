import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct TableKeyTests {
    let acme = Fixtures.tenant()

    @Test func buildsEveryKey() throws {
        let now = Fixtures.now
        let pairs: [(TableKey, String, String?)] = [
            (.tenantMetadata(acme), "TENANT#acme", "METADATA"),
            (.webhook(acme, Fixtures.id("w1")), "TENANT#acme", "WEBHOOK#w1"),
            (.invite(acme, Fixtures.id("i1")), "TENANT#acme", "INVITE#i1"),
            (.billing(acme, try YearMonth(validating: "2026-11")), "TENANT#acme", "BILLING#2026-11"),
            (.apiKey(acme, Fixtures.id("k1")), "TENANT#acme", "APIKEY#k1"),
            (.audit(now, Fixtures.id("a1")), "TENANT#platform", "AUDIT#2026-11-25T12:34:56.789Z#a1"),
            (.agentVersion(Fixtures.agent, try SemanticVersion(validating: "1.2.3-rc.1+b7")), "AGENT#echo-agent", "VERSION#1.2.3-rc.1"),
            (.tool(Fixtures.id("search"), tenantID: acme), "TOOL#search", "TENANT#acme"),
            (.tool(Fixtures.id("search"), tenantID: nil), "TOOL#search", "GLOBAL"),
            (.lock(OpsLock.runtimeFailover), "LOCK#platform-runtime-failover", "METADATA"),
            (.invocation(acme, now, Fixtures.id("inv1")), "TENANT#acme", "INV#2026-11-25T12:34:56.789Z#inv1"),
            (.job(acme, Fixtures.id("j1")), "TENANT#acme", "JOB#j1"),
            (.session(acme, try SessionID(validating: "s1")), "TENANT#acme", "SESSION#s1"),
            (.idempotency(acme, try IdempotencyKey(validating: "k#1")), "IDEMPOTENCY#acme#k#1", nil),
        ]
        for (key, partition, sort) in pairs {
            #expect(key.partitionKey == partition)
            #expect(key.sortKey == sort)
        }
        #expect(TableKey.agentPartition(Fixtures.agent) == "AGENT#echo-agent")
        #expect(TableKey.invocationDayPrefix(now) == "INV#2026-11-25")
        #expect(TableKey.tenantPartition(acme) == "TENANT#acme")
    }

    @Test func rendersKeyAttributes() {
        #expect(TableKey.tenantMetadata(acme).attributes == ["PK": .s("TENANT#acme"), "SK": .s("METADATA")])
        #expect(TableKey(partitionKey: "IDEMPOTENCY#acme#k", sortKey: nil).attributes == ["PK": .s("IDEMPOTENCY#acme#k")])
    }

    @Test func extractsTheTenantExactly() {
        #expect(TableKey.tenantID(fromPartitionKey: "TENANT#acme") == acme)
        #expect(TableKey.tenantID(fromPartitionKey: "TENANT#acme-evil") == Fixtures.tenant("acme-evil"))
        #expect(TableKey.tenantID(fromPartitionKey: "TENANT#acme-evil") != acme)
        #expect(TableKey.tenantID(fromPartitionKey: "TENANT#platform") == .platform)
        for bad in ["TENANT#acme#x", "TENANT#ACME", "TENANT#", "tenant#acme", "AGENT#acme", "TENANT#admin", "TENANT# acme",
                    "IDEMPOTENCY#acme#k", "TENANT#acme\u{0}"] {
            #expect(TableKey.tenantID(fromPartitionKey: bad) == nil, "\(bad)")
        }
    }
}
