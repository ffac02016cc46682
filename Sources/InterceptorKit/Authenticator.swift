import LambdaEvents
import EntraAuth

/// Verifies a user's bearer token: `EntraTokenValidator.validate` in the Lambdas,
/// the same check the API authoriser makes.
public typealias Authenticator = @Sendable (String) async throws(EntraAuthError) -> EntraPrincipal

extension InterceptorDenial {
    /// Authenticates the bearer token in `headers`, as a denial when it fails.
    public static func principal(
        from headers: GatewayHeaders, using authenticate: Authenticator
    ) async throws(InterceptorDenial) -> EntraPrincipal {
        let token = try BearerToken.from(headers)
        do {
            return try await authenticate(token)
        } catch .keySetUnavailable {
            throw .internalFailure(reason: EntraAuthError.keySetUnavailable.description)
        } catch {
            throw .unauthenticated(reason: error.description)
        }
    }
}
