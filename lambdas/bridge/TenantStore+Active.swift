import DataAccess
import PlatformAPI

extension TenantStore {
    /// The caller's tenant row, which alone decides tier and status: 403 unless it is `active`.
    func activeTenant() async throws -> Tenant {
        guard let tenant = try await tenant(), tenant.status == .active else { throw APIError.forbidden }
        return tenant
    }
}
