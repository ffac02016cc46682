/// A tenant's service tier, ordered by rank (basic 0, standard 1, premium 2).
public enum Tier: String, Sendable, Equatable, Hashable, Comparable, CaseIterable {
    case basic
    case standard
    case premium

    public var rank: Int {
        switch self {
        case .basic: 0
        case .standard: 1
        case .premium: 2
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}
