import PlatformJSON
/// The JOSE header of a JWS (RFC 7515 section 4), with the parameters the
/// validator looks at; any others are ignored.
public struct JWTHeader: Sendable, Equatable, Codable {
    public var alg: String
    public var kid: String?
    public var typ: String?
    /// Extensions the receiver must understand (RFC 7515 4.1.11); none are supported.
    public var crit: JSONValue?

    public init(alg: String, kid: String? = nil, typ: String? = "JWT") {
        self.alg = alg
        self.kid = kid
        self.typ = typ
    }
}
