import AWSCore

/// The condition a write needs, as a value the stores translate (and fakes evaluate).
enum WriteGuard: Sendable, Equatable {
    /// Unconditional.
    case none
    /// The item must not exist yet (`attribute_not_exists(PK)`).
    case absent
    /// The item must exist (`attribute_exists(PK)`).
    case present
    /// The item must exist and `attribute` must still hold `value` (optimistic concurrency).
    case unchanged(attribute: String, value: AttributeValue)
}
