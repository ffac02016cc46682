import DataAccess
import PlatformAPI

/// Agent resolution: the newest promoted version by semver, tier-checked
/// against the tenant row's tier (never a token claim).
struct AgentCatalog: Sendable {
    let registry: any AgentRegistry

    /// The invokable version of `nameText` for a tenant of `tier`: 400 for a
    /// malformed name, 404 when none is promoted, 403 when the tier is too low.
    func resolve(_ nameText: String?, tier: Tier) async throws -> AgentVersion {
        guard let nameText, let name = try? AgentName(validating: nameText) else {
            throw APIError.invalid([.init(field: "agentName", message: "must be 2-63 lower-case letters, digits or hyphens")])
        }
        guard let agent = AgentVersion.newestInvokable(try await registry.versions(of: name)) else {
            throw APIError.notFound("The agent")
        }
        guard tier.satisfies(agent.tierMinimum) else {
            throw APIError(.forbidden, "The tenant's tier may not invoke this agent.")
        }
        return agent
    }

    /// One entry per agent with a promoted version a tenant of `tier` may invoke, by name.
    func list(tier: Tier) async throws -> [AgentVersion] {
        let byName = Dictionary(grouping: try await registry.allVersions(), by: \.agentName.rawValue)
        return byName.keys.sorted().compactMap { name in
            guard let agent = AgentVersion.newestInvokable(byName[name] ?? []), tier.satisfies(agent.tierMinimum) else {
                return nil
            }
            return agent
        }
    }
}
