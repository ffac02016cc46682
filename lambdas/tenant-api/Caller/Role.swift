/// Role names carried in the authoriser context's `roles`.
enum Role {
    static let platformAdmin = "Platform.Admin"
    static let platformOperator = "Platform.Operator"
    /// A tenant's own administrator (self-service: key rotation, invitations).
    static let selfServiceAdmin = "SelfService.Admin"
    /// What the authoriser gives machine (SigV4) callers, and nothing else.
    static let machineInvoke = "Machine.Invoke"
}
