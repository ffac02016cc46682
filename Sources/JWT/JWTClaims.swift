import FoundationEssentials
import PlatformJSON

/// The payload of a JWT: registered claims by name plus any others.
public struct JWTClaims: Sendable, Equatable, Codable {
    public var values: [String: JSONValue]

    public init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    public subscript(name: String) -> JSONValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// A string claim; nil when absent, `invalidClaim` when not a string.
    public func string(_ name: String) throws(JWTError) -> String? {
        switch values[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw .invalidClaim(name)
        }
    }

    /// A numeric claim such as `exp`; nil when absent, `invalidClaim` when not a number.
    public func number(_ name: String) throws(JWTError) -> Double? {
        switch values[name] {
        case nil, .null?: return nil
        case .number(let value)?: return value.doubleValue
        default: throw .invalidClaim(name)
        }
    }

    /// A claim that may be one string or an array of strings (`aud`, `roles`).
    public func strings(_ name: String) throws(JWTError) -> [String]? {
        switch values[name] {
        case nil, .null?: return nil
        case .string(let value)?: return [value]
        case .array(let items)?:
            var strings: [String] = []
            for item in items {
                guard case .string(let value) = item else { throw .invalidClaim(name) }
                strings.append(value)
            }
            return strings
        default: throw .invalidClaim(name)
        }
    }
}
