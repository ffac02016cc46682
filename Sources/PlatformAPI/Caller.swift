import DataAccess
import FoundationEssentials
import LambdaEvents

/// Who is calling, taken only from the authoriser context
/// (`requestContext.authorizer`), never from headers, paths or bodies.
/// Every REST Lambda reads its caller through this one type.
public struct Caller: Sendable, Equatable {
    public let tenantID: TenantID
    public let appID: String
    /// The tenant's tier as the authoriser read it from the tenant row; nil
    /// when the context carries none (such callers get only tier-free routes).
    public let tier: Tier?
    /// The user's `sub`, or the principal id for machine callers.
    public let subject: String
    public let roles: Set<String>

    public init(tenantID: TenantID, appID: String, tier: Tier?, subject: String, roles: Set<String>) {
        self.tenantID = tenantID
        self.appID = appID
        self.tier = tier
        self.subject = subject
        self.roles = roles
    }

    /// Reads the context; anything missing or malformed is 401 (the authoriser
    /// never lets such a request through, so treat it as unauthenticated).
    public init(authorizer context: [String: String]?) throws(APIError) {
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

    /// The caller of a received request: the authoriser context, and for a
    /// machine (SigV4) caller the check that this request is the one its
    /// signature covered (``RequestBinding``; 401 when it is not). Every API
    /// Lambda reads its caller here.
    public init(request: APIGatewayProxyRequest) throws(APIError) {
        let context = request.requestContext.authorizer
        try self.init(authorizer: context)
        if isMachine || RequestBinding.isPresent(in: context) {
            try RequestBinding.verify(request)
        }
    }

    /// The tier to enforce: a context without one grants the least (`basic`).
    public var effectiveTier: Tier { tier ?? .basic }

    /// A SigV4 (tenant application) caller rather than a user.
    public var isMachine: Bool { roles.contains(Role.machineInvoke) }

    /// `Platform.Admin` of the operator tenant. Platform roles count only on the
    /// `platform` tenant, so a mis-assigned role in a customer directory grants nothing.
    public var isPlatformAdmin: Bool { !isMachine && tenantID == .platform && roles.contains(Role.platformAdmin) }

    /// `Platform.Admin` or `Platform.Operator` of the operator tenant.
    public var isPlatformStaff: Bool {
        isPlatformAdmin || (!isMachine && tenantID == .platform && roles.contains(Role.platformOperator))
    }

    /// A human `SelfService.Admin` of `tenant` itself.
    public func isTenantAdmin(of tenant: TenantID) -> Bool {
        !isMachine && tenantID == tenant && roles.contains(Role.selfServiceAdmin)
    }
}
