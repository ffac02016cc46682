/// Who owns a key string, for the isolation checks.
///
/// A key is tenant-owned when it is `TENANT#{id}` (partition or sort key) or
/// an idempotency key `IDEMPOTENCY#{id}#...`. Anything else starting with
/// those prefixes but not naming exactly one valid tenant is treated as
/// owned by nobody the caller may touch (`unparseable`), so a crafted key
/// like `TENANT#acme#x` or `TENANT#ACME` is refused rather than let through.
enum KeyOwnership: Equatable {
    /// Shared platform data (agents, tools' GLOBAL rows, locks...).
    case shared
    case tenant(TenantID)
    case unparseable

    static let tenantPrefix = "TENANT#"
    static let idempotencyPrefix = "IDEMPOTENCY#"

    init(_ key: String) {
        if key.hasPrefix(Self.tenantPrefix) {
            self = TableKey.tenantID(fromPartitionKey: key).map(KeyOwnership.tenant) ?? .unparseable
        } else if key.hasPrefix(Self.idempotencyPrefix) {
            let rest = key.dropFirst(Self.idempotencyPrefix.count)
            guard let hash = rest.firstIndex(of: "#"),
                  let tenant = try? TenantID(validating: String(rest[..<hash]), field: "PK")
            else {
                self = .unparseable
                return
            }
            self = .tenant(tenant)
        } else {
            self = .shared
        }
    }

    /// The target to name in a violation report.
    var targetName: String {
        switch self {
        case .tenant(let id): id.rawValue
        case .shared, .unparseable: "?"
        }
    }
}
