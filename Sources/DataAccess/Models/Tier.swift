/// A tenant's service tier, ordered by ``rank`` (basic 0, standard 1, premium 2).
public enum Tier: String, StrictStringEnum, Hashable, Comparable {
    case basic, standard, premium

    public var rank: Int {
        switch self {
        case .basic: 0
        case .standard: 1
        case .premium: 2
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }

    /// Whether a caller of this tier may use something that needs `minimum`.
    public func satisfies(_ minimum: Tier) -> Bool { self >= minimum }
}
