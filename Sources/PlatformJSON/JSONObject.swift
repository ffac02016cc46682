/// A JSON object: members in document order, keys unique.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    /// Builds an object from pairs; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, JSONValue)] = []) {
        members = []
        for (key, value) in pairs { self[key] = value }
    }

    /// Builds an object from members in linear time (large documents are
    /// rebuilt member by member); a repeated key keeps its first position and
    /// last value, as in `init(_:)`.
    public init(members: [Member]) {
        var positions: [String: Int] = [:]
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members {
            if let position = positions[member.key] {
                self.members[position].value = member.value
            } else {
                positions[member.key] = self.members.count
                self.members.append(member)
            }
        }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// Reads a member; setting replaces it in place or appends it, `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// Appends without checking for an existing key; the parser checks uniqueness itself.
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }
}
