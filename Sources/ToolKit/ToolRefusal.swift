/// Why a tool refused a call. The description names the failed check only,
/// never a token, claim value or argument.
public enum ToolRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The event is not a gateway tool request.
    case malformedEvent
    /// No single `Authorization: Bearer` header.
    case missingToken
    /// Signature, expiry, issuer or audience check failed (the JWT error code).
    case invalidToken(String)
    /// The token is valid but scoped to another tool.
    case wrongTool
    /// The token's tenant or acting user is not the one the headers name.
    case identityMismatch
    /// The signing key could not be read.
    case keyUnavailable
    /// An argument the tool needs is missing or of the wrong type.
    case badArguments(String)

    public var description: String {
        switch self {
        case .malformedEvent: "malformed tool event"
        case .missingToken: "no scoped token"
        case .invalidToken(let code): "scoped token invalid (\(code))"
        case .wrongTool: "scoped token is for another tool"
        case .identityMismatch: "scoped token names another tenant or user"
        case .keyUnavailable: "signing key unavailable"
        case .badArguments(let reason): "bad arguments: \(reason)"
        }
    }
}
