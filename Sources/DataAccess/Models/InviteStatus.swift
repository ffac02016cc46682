/// An invitation's state. A `pending` invite past its `expiresAt` reads as
/// `expired` (see ``Invite/effectiveStatus(at:)``) even before anyone rewrites it.
public enum InviteStatus: String, StrictStringEnum, Hashable {
    case pending, accepted, expired
}
