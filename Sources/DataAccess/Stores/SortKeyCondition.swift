/// A condition on the sort key of a query within one partition.
public enum SortKeyCondition: Sendable, Equatable {
    case equals(String)
    case beginsWith(String)
    /// Inclusive on both ends, as DynamoDB's `BETWEEN`.
    case between(String, String)

    /// Whether `sortKey` satisfies the condition (as DynamoDB compares strings: by bytes).
    public func contains(_ sortKey: String) -> Bool {
        switch self {
        case .equals(let value): sortKey == value
        case .beginsWith(let prefix): sortKey.hasPrefix(prefix)
        case .between(let low, let high): sortKey >= low && sortKey <= high
        }
    }

    var expression: (text: String, values: [String: String]) {
        switch self {
        case .equals(let value): ("#sk = :sk", [":sk": value])
        case .beginsWith(let prefix): ("begins_with(#sk, :sk)", [":sk": prefix])
        case .between(let low, let high): ("#sk BETWEEN :skLow AND :skHigh", [":skLow": low, ":skHigh": high])
        }
    }
}
