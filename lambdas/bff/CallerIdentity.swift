import FoundationEssentials

/// Who is calling, as the REQUEST authoriser established it.
///
/// Built only from `requestContext.authorizer`; headers are never trusted for identity.
struct CallerIdentity: Equatable, Sendable {
    var tenantID: String
    var appID: String
    var tier: String
    var subject: String
    var roles: [String]

    /// The role the authoriser gives SigV4 (machine) callers.
    static let machineRole = "Machine.Invoke"

    var isMachine: Bool { roles.contains(Self.machineRole) }

    /// Reads the authoriser context; a missing tenant, app or subject means the
    /// request did not pass the authoriser and is refused as unauthenticated.
    init(authorizerContext context: [String: String]?) throws(BFFError) {
        guard let context,
              let tenantID = context["tenantId"], !tenantID.isEmpty,
              let appID = context["appId"], !appID.isEmpty,
              let subject = context["sub"], !subject.isEmpty
        else {
            throw BFFError(code: .unauthenticated, message: "missing caller identity")
        }
        self.tenantID = tenantID
        self.appID = appID
        self.subject = subject
        tier = context["tier"] ?? "basic"
        roles = Self.decodeRoles(context["roles"])
    }

    init(tenantID: String, appID: String, tier: String, subject: String, roles: [String]) {
        self.tenantID = tenantID
        self.appID = appID
        self.tier = tier
        self.subject = subject
        self.roles = roles
    }

    /// `roles` is a JSON array in a string (API Gateway context values are strings);
    /// anything unreadable counts as no roles, which grants nothing.
    private static func decodeRoles(_ text: String?) -> [String] {
        guard let text, let roles = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        return roles
    }
}
