import FoundationEssentials

/// What makes one scoped token unique: its `jti` and issue time. A retried
/// call is answered with a token minted again from the first call's grant, so
/// the tool sees the same `jti` (and can deduplicate) while no token is ever
/// stored.
struct ScopedTokenGrant: Sendable, Equatable {
    var jti: String
    /// Whole seconds, as the token's `iat` carries it.
    var issuedAt: Int

    var issuedAtDate: Date { Date(timeIntervalSince1970: TimeInterval(issuedAt)) }
}
