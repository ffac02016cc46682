import DataAccess
import PlatformAPI

/// A tenant runs in one of the platform's runtime regions, with a different fallback.
enum RuntimeRegionRules {
    static func check(_ tenant: Tenant, allowed: [String]) throws(APIError) {
        var details: [APIError.Detail] = []
        for (field, region) in [("runtimeRegion", tenant.runtimeRegion), ("fallbackRegion", tenant.fallbackRegion)]
        where !allowed.contains(region.rawValue) {
            details.append(.init(field: field, message: "must be one of \(allowed.joined(separator: "|"))"))
        }
        guard details.isEmpty else { throw .invalid(details) }
        guard tenant.runtimeRegion != tenant.fallbackRegion else {
            throw APIError(.unprocessableEntity, "runtimeRegion and fallbackRegion must differ.")
        }
    }
}
