import DataAccess
import FoundationEssentials
import PlatformAPI

/// Who is calling, taken only from the authoriser context
/// (`requestContext.authorizer`), never from headers, paths or bodies.
struct Caller: Sendable, Equatable {
    let tenantID: TenantID
    let appID: String
    let tier: Tier?
    /// The user's `sub`, or the principal id for machine callers.
    let subject: String
    let roles: Set<String>

    init(tenantID: TenantID, appID: String, tier: Tier?, subject: String, roles: Set<String>) {
        self.tenantID = tenantID
        self.appID = appID
        self.tier = tier
        self.subject = subject
        self.roles = roles
    }

    /// Reads the context; anything missing or malformed is 401 (the authoriser
    /// should never let such a request through, so treat it as unauthenticated).
    init(authorizer context: [String: String]?) throws(APIError) {
        let unauthenticated = APIError(.unauthenticated, "The request carries no valid caller identity.")
        guard let context, let tenantText = context["tenantId"], let tenantID = try? TenantID(validating: tenantText),
              let appID = context["appId"], !appID.isEmpty
        else { throw unauthenticated }
        var roles: [String] = []
        if let rolesText = context["roles"], !rolesText.isEmpty {
            guard let decoded = try? JSONDecoder().decode([String].self, from: Data(rolesText.utf8)) else { throw unauthenticated }
            roles = decoded
        }
        self.init(
            tenantID: tenantID, appID: appID, tier: context["tier"].flatMap(Tier.init(rawValue:)),
            subject: context["sub"].flatMap { $0.isEmpty ? nil : $0 } ?? context["principalId"] ?? "unknown",
            roles: Set(roles)
        )
    }

    var isMachine: Bool { roles.contains(Role.machineInvoke) }

    /// `Platform.Admin` of the operator tenant. Platform roles count only on the
    /// `platform` tenant, so a mis-assigned role in a customer directory grants nothing.
    var isPlatformAdmin: Bool { !isMachine && tenantID == .platform && roles.contains(Role.platformAdmin) }

    /// `Platform.Admin` or `Platform.Operator` of the operator tenant.
    var isPlatformStaff: Bool { isPlatformAdmin || (!isMachine && tenantID == .platform && roles.contains(Role.platformOperator)) }

    /// A human `SelfService.Admin` of `tenant` itself.
    func isTenantAdmin(of tenant: TenantID) -> Bool {
        !isMachine && tenantID == tenant && roles.contains(Role.selfServiceAdmin)
    }

    /// The actor block of events and audit records.
    var actor: PlatformEvent.Actor { .init(sub: subject, tenantId: tenantID.rawValue, appId: appID) }
}
