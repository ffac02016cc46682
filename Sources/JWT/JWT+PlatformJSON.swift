import PlatformJSON

// The parsed header and payload as this module's types, with the rules the
// JSONDecoder-based parsing had: `alg` a string, `kid`/`typ` absent, null or
// a string, and every number finite.

extension JWTHeader {
    init(json object: JSONObject) throws(JWTError) {
        guard case .string(let alg)? = object["alg"] else { throw .invalidJSON("header") }
        self.init(alg: alg, kid: try Self.optionalString(object["kid"]), typ: try Self.optionalString(object["typ"]))
        // A `crit` of null is no `crit`, as with `decodeIfPresent`.
        if let crit = object["crit"], crit != .null {
            guard crit.hasOnlyFiniteNumbers else { throw .invalidJSON("header") }
            self.crit = crit
        }
    }

    private static func optionalString(_ value: JSONValue?) throws(JWTError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw .invalidJSON("header")
        }
    }
}

extension JWTClaims {
    init(json object: JSONObject) throws(JWTError) {
        var values: [String: JSONValue] = [:]
        values.reserveCapacity(object.count)
        for member in object {
            guard member.value.hasOnlyFiniteNumbers else { throw .invalidJSON("payload") }
            values[member.key] = member.value
        }
        self.init(values)
    }
}

extension JSONValue {
    /// Whether every number fits a Double: an `exp` of `1e999` would never come.
    var hasOnlyFiniteNumbers: Bool {
        switch self {
        case .number(let number): number.doubleValue.isFinite
        case .array(let elements): elements.allSatisfy(\.hasOnlyFiniteNumbers)
        case .object(let object): object.allSatisfy { $0.value.hasOnlyFiniteNumbers }
        case .null, .bool, .string: true
        }
    }
}
