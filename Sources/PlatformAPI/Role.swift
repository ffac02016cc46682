import DataAccess

/// Role names carried in the authoriser context's `roles`.
public enum Role {
    public static let platformAdmin = "Platform.Admin"
    public static let platformOperator = "Platform.Operator"
    /// A tenant's own administrator (self-service: key rotation, invitations).
    public static let selfServiceAdmin = TenantRole.selfServiceAdmin
    /// What the authoriser gives machine (SigV4) callers, and nothing else.
    public static let machineInvoke = "Machine.Invoke"
}
