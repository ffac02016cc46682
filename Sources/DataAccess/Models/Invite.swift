import FoundationEssentials

/// An invitation of a user into a tenant (`TENANT#{id}` / `INVITE#{id}`).
/// It expires 7 days after creation and is removed by TTL 30 days later.
public struct Invite: TableRecord, Equatable {
    public var inviteID: InviteID
    public var tenantID: TenantID
    public var email: EmailAddress
    public var roles: [String]
    /// The inviting user's `sub`.
    public var invitedBy: String
    public var status: InviteStatus
    public var createdAt: Date
    public var expiresAt: Date
    public var ttl: EpochSeconds

    enum CodingKeys: String, CodingKey {
        case inviteID = "inviteId", tenantID = "tenantId", email, roles, invitedBy, status, createdAt, expiresAt, ttl
    }

    public init(_ request: InviteRequest.Validated, inviteID: InviteID, tenantID: TenantID, invitedBy: String, now: Date) {
        self.inviteID = inviteID
        self.tenantID = tenantID
        email = request.email
        roles = request.roles
        self.invitedBy = invitedBy
        status = .pending
        createdAt = now
        expiresAt = now.addingTimeInterval(Retention.invite)
        ttl = EpochSeconds(expiresAt.addingTimeInterval(Retention.expiredInviteKept))
    }

    public var key: TableKey { .invite(tenantID, inviteID) }

    /// `expired` for a pending invite past `expiresAt`, else the stored status.
    public func effectiveStatus(at now: Date) -> InviteStatus {
        status == .pending && now >= expiresAt ? .expired : status
    }
}
