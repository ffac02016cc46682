import LambdaEvents

/// Reads the user's token from the `Authorization` header.
public enum BearerToken {
    /// The token when exactly one `Authorization` header (any case) carries
    /// `Bearer <token>`; repeated headers are refused as ambiguous.
    public static func from(_ headers: GatewayHeaders) throws(InterceptorDenial) -> String {
        let values = headers.values(for: "Authorization")
        guard values.count == 1 else {
            throw .unauthenticated(reason: values.isEmpty ? "no Authorization header" : "repeated Authorization header")
        }
        let parts = values[0].split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthenticated(reason: "Authorization is not a bearer token")
        }
        return String(parts[1])
    }
}
