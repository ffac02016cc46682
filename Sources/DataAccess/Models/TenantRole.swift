/// The roles a tenant may grant its own users (by invitation). Everything
/// else - `Platform.*` in any spelling, `Machine.Invoke`, made-up names - is
/// refused, so an invitation can never carry a role the platform would honour
/// for its operators or machines.
public enum TenantRole {
    /// Invokes the tenant's agents.
    public static let agentInvoke = "Agent.Invoke"
    /// The tenant's own administrator (key rotation, invitations, webhooks).
    public static let selfServiceAdmin = "SelfService.Admin"
    /// Every grantable role, in its canonical spelling.
    public static let grantable = [agentInvoke, selfServiceAdmin]

    /// The canonical spelling of `name`, matched case-insensitively (ASCII), or nil
    /// when it is not a grantable role.
    public static func canonical(_ name: String) -> String? {
        let lowered = name.lowercased()
        return grantable.first { $0.lowercased() == lowered }
    }
}
