/// Which sort keys a query or scan reads.
enum SortKeyRange: Sendable, Equatable {
    case equals(String)
    case beginsWith(String)
    /// Inclusive on both ends.
    case between(String, String)

    func contains(_ sortKey: String) -> Bool {
        switch self {
        case .equals(let value): sortKey == value
        case .beginsWith(let prefix): sortKey.hasPrefix(prefix)
        case .between(let low, let high): sortKey >= low && sortKey <= high
        }
    }
}
