import AWSCore
import LambdaEvents
import PlatformAPI

/// `GET /v1/platform/quota`: AgentCore Runtime concurrent sessions against the
/// account quota, in the active and the fallback runtime region. A region whose
/// numbers cannot be read is reported `unavailable` with the reason; numbers
/// are never invented.
struct QuotaHandler: Sendable {
    static let quotaName = "ConcurrentSessions"

    struct Item: Encodable, Sendable, Equatable {
        var region: String
        var quotaName: String
        var status: String
        var currentValue: Double?
        var limit: Double?
        var utilisationPercentage: Double?
        var reason: String?
    }

    let dependencies: TenantAPIDependencies

    func report(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        let parameters = dependencies.parameters
        let active = try await parameters.parameter(TenantAPIConfiguration.runtimeRegionParameter) ?? "eu-west-1"
        let fallback = try await parameters.parameter(TenantAPIConfiguration.fallbackRegionParameter) ?? "eu-central-1"
        var items: [Item] = []
        for region in [active, fallback] where !items.contains(where: { $0.region == region }) {
            items.append(await utilisation(in: region))
        }
        struct Body: Encodable { var utilisation: [Item] }
        return try APIResponse.json(200, Body(utilisation: items))
    }

    func utilisation(in region: String) async -> Item {
        var item = Item(region: region, quotaName: Self.quotaName, status: "unavailable")
        let current: Double, limit: Double
        do {
            current = try await dependencies.quotas.currentSessions(region: region)
        } catch {
            item.reason = "CloudWatch: " + Self.describe(error)
            return item
        }
        do {
            limit = try await dependencies.quotas.sessionLimit(region: region)
        } catch {
            item.reason = "Service Quotas: " + Self.describe(error)
            return item
        }
        item.status = "available"
        item.currentValue = current
        item.limit = limit
        item.utilisationPercentage = limit > 0 ? (current / limit * 1000).rounded() / 10 : nil
        if limit <= 0 {
            item.status = "unavailable"
            item.reason = "Service Quotas reported a limit of 0"
        }
        return item
    }

    /// The service's error code (and HTTP status), or the error type: never a message that could quote inputs.
    static func describe(_ error: any Error) -> String {
        if let aws = error as? AWSError { return "\(aws.code) (HTTP \(aws.status))" }
        if let unavailable = error as? QuotaUnavailable { return unavailable.reason }
        return String(describing: type(of: error))
    }
}

/// A quota reader that cannot produce a number and says why (for example, no quota code configured).
struct QuotaUnavailable: Error, Sendable, Equatable {
    var reason: String
}
