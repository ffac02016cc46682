/// A tenant's lifecycle state; only `active` tenants are authorised.
public enum TenantStatus: String, StrictStringEnum, Hashable {
    case active
    case suspended
    case deleted
}
