import DataAccess
import LambdaEvents
import PlatformAPI

/// `GET /v1/tenants` query: `limit` 1-100 (default 50), `nextToken`, and the
/// admin filters `status` and `tier`.
struct TenantListQuery: Sendable, Equatable {
    static let defaultLimit = 50
    static let limitRange = 1...100
    static let parameters: Set<String> = ["limit", "nextToken", "status", "tier"]

    var limit = defaultLimit
    var nextToken: String?
    var status: TenantStatus?
    var tier: Tier?

    init(limit: Int = defaultLimit, nextToken: String? = nil, status: TenantStatus? = nil, tier: Tier? = nil) {
        self.limit = limit
        self.nextToken = nextToken
        self.status = status
        self.tier = tier
    }

    init(_ request: APIGatewayProxyRequest) throws(APIError) {
        try RequestInput.rejectUnknownQuery(request, allowed: Self.parameters)
        var details: [APIError.Detail] = []
        if let text = RequestInput.query(request, "limit") {
            if let value = Int(text), Self.limitRange.contains(value) {
                limit = value
            } else {
                details.append(.init(field: "limit", message: "must be an integer from 1 to 100"))
            }
        }
        if let token = RequestInput.query(request, "nextToken") {
            if token.isEmpty || token.utf8.count > 2048 {
                details.append(.init(field: "nextToken", message: "must be 1 to 2048 characters"))
            } else {
                nextToken = token
            }
        }
        if let text = RequestInput.query(request, "status") {
            do { status = try TenantStatus.parse(text, field: "status") } catch { details.append(.init(field: error.field, message: error.message)) }
        }
        if let text = RequestInput.query(request, "tier") {
            do { tier = try Tier.parse(text, field: "tier") } catch { details.append(.init(field: error.field, message: error.message)) }
        }
        guard details.isEmpty else { throw .invalid(details) }
    }

    func matches(_ tenant: Tenant) -> Bool {
        (status == nil || tenant.status == status) && (tier == nil || tenant.tier == tier)
    }
}
