@testable import Bridge
import DataAccess
import FoundationEssentials
import Synchronization
import Testing

@Suite struct CachedAgentRegistryTests {
    final class Counting: AgentRegistry, Sendable {
        let reads = Mutex(0)
        func versions(of name: AgentName) async throws -> [AgentVersion] {
            reads.withLock { $0 += 1 }
            return [BridgeFixture.agent(name.rawValue, mode: .sync, streaming: false, tier: .basic)]
        }
        func allVersions() async throws -> [AgentVersion] { reads.withLock { $0 += 1 }; return [] }
    }

    @Test func readsOncePerNameUntilTheTTLPasses() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 0))
        let counting = Counting()
        let registry = CachedAgentRegistry(counting, ttl: 30, now: { clock.withLock { $0 } })
        let name = try AgentName(validating: "echo-agent")
        _ = try await registry.versions(of: name)
        _ = try await registry.versions(of: name)
        _ = try await registry.versions(of: try AgentName(validating: "other-agent"))
        #expect(counting.reads.withLock { $0 } == 2)
        clock.withLock { $0 += 31 }
        _ = try await registry.versions(of: name)
        #expect(counting.reads.withLock { $0 } == 3)
    }

    @Test func tenantRowIsCachedButJobsAreNot() async throws {
        let fixture = BridgeFixture()
        let cache = TimedCache<Tenant?>(ttl: 30, now: { BridgeFixture.now })
        let store = CachedTenantStore(store: fixture.data.store(BridgeFixture.basic), tenants: cache)
        #expect(try await store.tenant()?.tier == .basic)
        fixture.data.tables.withLock { $0.tenants["acme-basic"]?.tier = .premium }
        #expect(try await store.tenant()?.tier == .basic, "served from the cache")
        let job = Job(jobID: try JobID(validating: "j"), tenantID: BridgeFixture.basic, appID: "a",
                      agentName: try AgentName(validating: "echo-agent"), agentVersion: try SemanticVersion(validating: "1.0.0"),
                      now: BridgeFixture.now)
        try await store.putJob(job)
        #expect(try await store.job(job.jobID) == job)
    }
}
