import AWSCore
import DataAccess
import FoundationEssentials

/// An invitation as the API shows it (`Invite` in docs/openapi.yaml).
struct InviteBody: Encodable, Sendable, Equatable {
    var inviteId: String
    var tenantId: String
    var email: String
    var roles: [String]
    var status: String
    var invitedBy: String
    var createdAt: String
    var expiresAt: String

    init(_ invite: Invite, now: Date) {
        inviteId = invite.inviteID.rawValue
        tenantId = invite.tenantID.rawValue
        email = invite.email.rawValue
        roles = invite.roles
        status = invite.effectiveStatus(at: now).rawValue
        invitedBy = invite.invitedBy
        createdAt = DynamoDBItemTimestamp.string(from: invite.createdAt)
        expiresAt = DynamoDBItemTimestamp.string(from: invite.expiresAt)
    }
}
