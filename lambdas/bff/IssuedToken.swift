import FoundationEssentials

/// A token the Entra token endpoint issued on the caller's behalf.
///
/// `description` hides the token so it cannot reach a log line by mistake.
struct IssuedToken: Equatable, Sendable, CustomStringConvertible {
    var accessToken: String
    var tokenType: String
    var expiresAt: Date
    var scope: String

    var description: String { "IssuedToken(type: \(tokenType), scope: \(scope), token: <redacted>)" }
}
