import DataAccess
import LambdaEvents
import PlatformAPI

/// `/v1/platform/agents`: the agent registry and its release state machine.
/// Shared platform rows, read and written through the control plane.
struct AgentRegistryHandler: Sendable {
    let dependencies: TenantAPIDependencies
    var table: String { dependencies.configuration.tables.agents }
    var store: any RecordStore { dependencies.stores.controlPlane }

    func list(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        try RequestInput.rejectUnknownQuery(request, allowed: ["agentName", "status"])
        var details: [APIError.Detail] = []
        var name: AgentName?
        var status: AgentStatus?
        if let text = RequestInput.query(request, "agentName") {
            do { name = try AgentName(validating: text) } catch { details.append(.init(field: "agentName", message: error.message)) }
        }
        if let text = RequestInput.query(request, "status") {
            do { status = try AgentStatus.parse(text, field: "status") } catch { details.append(.init(field: "status", message: error.message)) }
        }
        guard details.isEmpty else { throw APIError.invalid(details) }
        let versions: [AgentVersion]
        if let name {
            versions = try await store.queryAll(AgentVersion.self, table: table, partition: TableKey.agentPartition(name),
                                                sortKey: .beginsWith("VERSION#"))
        } else {
            versions = try await store.scanAll(AgentVersion.self, table: table, sortKey: .beginsWith("VERSION#"))
        }
        // Agents by name, newest version first within each agent.
        let sorted = versions.filter { status == nil || $0.status == status }.sorted {
            $0.agentName.rawValue != $1.agentName.rawValue ? $0.agentName.rawValue < $1.agentName.rawValue : $1.version < $0.version
        }
        struct Body: Encodable { var items: [AgentVersionBody] }
        return try APIResponse.json(200, Body(items: sorted.map(AgentVersionBody.init)))
    }

    func register(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        let body = try RequestBody.decode(AgentVersionRegistration.self, from: request, allowedFields: AgentVersionRegistration.fields)
        let record = try body.validated(now: dependencies.now())
        do {
            try await store.put(record, table: table, guard: .absent)
        } catch is WriteConflict {
            throw APIError(.conflict, "Version \(record.version.rawValue) of \(record.agentName.rawValue) is already registered.")
        }
        return try APIResponse.json(201, AgentVersionBody(record))
    }

    func update(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        let caller = try context.requireStaff()
        let name = try RequestInput.path(request, "agentName") { text, field throws(ValidationError) in
            try AgentName(validating: text, field: field)
        }
        let version = try RequestInput.path(request, "version") { text, field throws(ValidationError) in
            try SemanticVersion(validating: text, field: field)
        }
        let body = try RequestBody.decode(AgentVersionUpdate.self, from: request, allowedFields: AgentVersionUpdate.fields)
        guard let current = try await store.get(AgentVersion.self, table: table, key: .agentVersion(name, version)) else {
            throw APIError.notFound("Version \(version.rawValue) of agent \(name.rawValue)")
        }
        let now = dependencies.now()
        let updated = try body.applied(to: current, by: caller.subject, now: now)
        // The status must not have moved underneath us (two operators promoting at once).
        try await store.put(updated, table: table, guard: .unchanged(attribute: "status", value: .s(current.status.rawValue)))
        if updated.status != current.status {
            let type: PlatformEvent.DetailType? = switch updated.status {
            case .promoted: .agentPromoted
            case .rolledBack: .agentRolledBack
            default: nil
            }
            if let type {
                try await EventPublisher(dependencies: dependencies).publish(
                    .agent(type, version: updated, from: current.status, actor: caller.actor, now: now))
            }
        }
        return try APIResponse.json(200, AgentVersionBody(updated))
    }
}
