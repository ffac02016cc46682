/// Case-insensitive header lookup for events that carry API Gateway's header map.
public protocol HeaderLookup {
    var headers: [String: String]? { get }
}

extension HeaderLookup {
    /// A header value, matched case-insensitively as HTTP requires.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers?.first { $0.key.lowercased() == wanted }?.value
    }
}
