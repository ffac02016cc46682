/// Result of an admin action: done, failed, or refused by policy.
public enum AuditOutcome: String, StrictStringEnum, Hashable {
    case succeeded
    case failed
    case denied
}
