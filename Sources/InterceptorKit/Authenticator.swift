import LambdaEvents
import DataAccess
import EntraAuth

/// Verifies a user's bearer token: `EntraTokenValidator.validate` in the Lambdas,
/// the same check the API authoriser makes.
public typealias Authenticator = @Sendable (String) async throws(EntraAuthError) -> EntraPrincipal

extension InterceptorDenial {
    /// Authenticates the bearer token in `headers`, as a denial when it fails;
    /// also returns the principal's tenant as a validated `TenantID`.
    public static func principal(
        from headers: GatewayHeaders, using authenticate: Authenticator
    ) async throws(InterceptorDenial) -> (principal: EntraPrincipal, tenantID: TenantID) {
        let token = try BearerToken.from(headers)
        let principal: EntraPrincipal
        do {
            principal = try await authenticate(token)
        } catch .keySetUnavailable {
            throw .internalFailure(reason: EntraAuthError.keySetUnavailable.description)
        } catch {
            throw .unauthenticated(reason: error.description)
        }
        return (principal, principal.tenantId)
    }
}
