/// Why a tenant's role cannot be used; never names the role or the account.
package enum TenantRoleError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRole
    case foreignAccount

    package var description: String {
        switch self {
        case .noRole: "the tenant has no execution role"
        case .foreignAccount: "the tenant's execution role is not in the tenant's account"
        }
    }
}
