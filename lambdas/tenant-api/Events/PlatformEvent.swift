import AWSCore
import DataAccess
import FoundationEssentials
import PlatformJSON

/// An EventBridge event the tenant API publishes (docs/openapi.yaml,
/// `x-platform-events`). The detail names the tenant, the acting caller and
/// the change as `{field: {from, to}}`; it never holds secrets.
struct PlatformEvent: Sendable, Equatable {
    static let tenantSource = "platform.tenants"
    static let agentSource = "platform.agents"

    enum DetailType: String, Sendable, CaseIterable {
        case tenantCreated = "platform.tenant.created"
        case tenantUpdated = "platform.tenant.updated"
        case tenantTierChanged = "platform.tenant.tier_changed"
        case tenantDeleted = "platform.tenant.deleted"
        case tenantAPIKeyRotated = "platform.tenant.api_key_rotated"
        case agentPromoted = "platform.agent.promoted"
        case agentRolledBack = "platform.agent.rolled_back"

        var source: String {
            switch self {
            case .agentPromoted, .agentRolledBack: PlatformEvent.agentSource
            default: PlatformEvent.tenantSource
            }
        }
    }

    struct Actor: Codable, Sendable, Equatable {
        var sub: String
        var tenantId: String
        var appId: String
    }

    struct Change: Codable, Sendable, Equatable {
        var from: JSONValue
        var to: JSONValue
    }

    struct Detail: Codable, Sendable, Equatable {
        var tenantId: String
        var appId: String
        var actor: Actor
        var change: [String: Change]
        var occurredAt: String
        var reason: String?
        var agentName: String?
        var version: String?
    }

    var detailType: DetailType
    var detail: Detail

    var source: String { detailType.source }

    /// The detail as JSON text, keys sorted so events are reproducible.
    func detailJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(detail), as: UTF8.self)
    }

    /// A tenant event: `change` maps each changed field to its old and new value.
    static func tenant(
        _ type: DetailType, tenant: Tenant, actor: Actor, change: [String: Change], now: Date, reason: String? = nil
    ) -> PlatformEvent {
        PlatformEvent(detailType: type, detail: Detail(
            tenantId: tenant.tenantID.rawValue, appId: tenant.appID, actor: actor, change: change,
            occurredAt: DynamoDBItemTimestamp.string(from: now), reason: reason
        ))
    }

    /// An agent-registry event, raised by the operator tenant.
    static func agent(_ type: DetailType, version: AgentVersion, from old: AgentStatus, actor: Actor, now: Date) -> PlatformEvent {
        PlatformEvent(detailType: type, detail: Detail(
            tenantId: actor.tenantId, appId: actor.appId, actor: actor,
            change: ["status": Change(from: .string(old.rawValue), to: .string(version.status.rawValue))],
            occurredAt: DynamoDBItemTimestamp.string(from: now),
            agentName: version.agentName.rawValue, version: version.version.rawValue
        ))
    }
}
