internal import LambdaEvents

// The platform's parsed JSON turned into this module's public types, with the
// rules the JSONDecoder-based parsing had: `alg` a string, `kid`/`typ` absent,
// null or a string, numbers finite doubles.

extension JWTHeader {
    init(json object: JSONObject) throws(JWTError) {
        guard case .string(let alg)? = object["alg"] else { throw .invalidJSON("header") }
        self.init(alg: alg, kid: try Self.optionalString(object["kid"]), typ: try Self.optionalString(object["typ"]))
        // A `crit` of null is no `crit`, as with `decodeIfPresent`.
        crit = try object["crit"].flatMap { value throws(JWTError) in value == .null ? nil : try JSONValue(value, in: "header") }
    }

    private static func optionalString(_ value: LambdaEvents.JSONValue?) throws(JWTError) -> String? {
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
        for member in object { values[member.key] = try JSONValue(member.value, in: "payload") }
        self.init(values)
    }
}

extension JSONValue {
    /// `part` names the token part in the error when a number does not fit a Double.
    init(_ value: LambdaEvents.JSONValue, in part: String) throws(JWTError) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let number):
            guard let double = Double(number.literal), double.isFinite else { throw .invalidJSON(part) }
            self = .number(double)
        case .array(let elements):
            var items: [JSONValue] = []
            items.reserveCapacity(elements.count)
            for element in elements { items.append(try JSONValue(element, in: part)) }
            self = .array(items)
        case .object(let object):
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(object.count)
            for member in object { members[member.key] = try JSONValue(member.value, in: part) }
            self = .object(members)
        }
    }
}
