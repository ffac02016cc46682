import DataAccess
import FoundationEssentials

/// The agent registry with a short cache (ADR 0023): a promotion or rollback
/// reaches every bridge instance within `ttl` seconds.
struct CachedAgentRegistry: AgentRegistry {
    let registry: any AgentRegistry
    private let byName: TimedCache<[AgentVersion]>
    private let all: TimedCache<[AgentVersion]>

    init(_ registry: any AgentRegistry, ttl: TimeInterval = 30, now: @escaping @Sendable () -> Date = { Date() }) {
        self.registry = registry
        byName = TimedCache(ttl: ttl, now: now)
        all = TimedCache(ttl: ttl, now: now)
    }

    func versions(of name: AgentName) async throws -> [AgentVersion] {
        try await byName.value(for: name.rawValue) { try await registry.versions(of: name) }
    }

    func allVersions() async throws -> [AgentVersion] {
        try await all.value(for: "*") { try await registry.allVersions() }
    }
}
