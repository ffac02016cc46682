import PlatformJSON
/// HTTP headers as an AgentCore Gateway interceptor event carries them: a JSON
/// object of string values, in order, looked up case-insensitively.
public struct GatewayHeaders: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ pairs: [(String, String)] = []) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Reads a `headers` object; nil unless every value is a string.
    public init?(json: JSONObject) {
        var fields: [Field] = []
        for member in json {
            guard let value = member.value.stringValue else { return nil }
            fields.append(Field(name: member.key, value: value))
        }
        self.fields = fields
    }

    /// Every value sent under `name`, whatever its case, in order.
    public func values(for name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The value when exactly one field carries `name`; nil when absent or repeated.
    public func single(_ name: String) -> String? {
        let values = values(for: name)
        return values.count == 1 ? values[0] : nil
    }

    /// Removes every field named `name`, whatever its case.
    public mutating func remove(_ name: String) {
        let wanted = name.lowercased()
        fields.removeAll { $0.name.lowercased() == wanted }
    }

    /// Replaces every field named `name` (any case) with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append(Field(name: name, value: value))
    }

    /// The headers as a JSON object.
    public var json: JSONValue {
        .object(JSONObject(fields.map { ($0.name, JSONValue.string($0.value)) }))
    }
}
