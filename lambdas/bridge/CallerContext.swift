import DataAccess
import PlatformAPI

/// Who is calling, taken only from the authoriser's context
/// (`requestContext.authorizer`), never from request headers.
struct CallerContext: Sendable, Equatable {
    var tenantID: TenantID
    var appID: String
    var tier: Tier
    var subject: String

    init(tenantID: TenantID, appID: String, tier: Tier, subject: String) {
        self.tenantID = tenantID
        self.appID = appID
        self.tier = tier
        self.subject = subject
    }

    /// Reads `tenantId`, `appId`, `tier` and `sub`; a missing or invalid value
    /// means the request did not pass the authoriser, which is a 401.
    init(authorizer: [String: String]?) throws(APIError) {
        let unauthenticated = APIError(.unauthenticated, "The request carries no valid caller identity.")
        guard let authorizer,
              let tenantText = authorizer["tenantId"], let tenantID = try? TenantID(validating: tenantText),
              let appID = authorizer["appId"], !appID.isEmpty,
              let tierText = authorizer["tier"], let tier = Tier(rawValue: tierText)
        else { throw unauthenticated }
        self.init(tenantID: tenantID, appID: appID, tier: tier, subject: authorizer["sub"] ?? "")
    }
}
