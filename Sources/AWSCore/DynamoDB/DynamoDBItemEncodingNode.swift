/// One value under construction while encoding: containers write into nodes
/// by reference, and the tree becomes an ``AttributeValue`` at the end.
final class DynamoDBItemEncodingNode {
    enum Content {
        case empty
        case value(AttributeValue)
        case map([String: DynamoDBItemEncodingNode])
        case list([DynamoDBItemEncodingNode])
    }

    var content: Content = .empty

    /// Makes this node a map (keeping an existing one) and returns nothing:
    /// several keyed containers on one encoder share the map.
    func becomeMap() {
        if case .map = content { return }
        content = .map([:])
    }

    func becomeList() {
        if case .list = content { return }
        content = .list([])
    }

    func set(_ child: DynamoDBItemEncodingNode, forKey key: String) {
        becomeMap()
        guard case .map(var children) = content else { return }
        content = .empty // drop the reference before mutating, to avoid a copy
        children[key] = child
        content = .map(children)
    }

    func append(_ child: DynamoDBItemEncodingNode) {
        becomeList()
        guard case .list(var children) = content else { return }
        content = .empty
        children.append(child)
        content = .list(children)
    }

    var listCount: Int {
        if case .list(let children) = content { children.count } else { 0 }
    }

    /// The finished value; `nil` when nothing (or only `nil`) was encoded, in
    /// which case a map leaves the attribute out.
    func attributeValue() -> AttributeValue? {
        switch content {
        case .empty, .value(.null):
            return nil
        case .value(let value):
            return value
        case .map(let children):
            return .m(children.compactMapValues { $0.attributeValue() })
        case .list(let children):
            return .l(children.map { $0.attributeValue() ?? .null })
        }
    }
}
