import AWSCore
import FoundationEssentials
import InterceptorKit
import PlatformJSON

extension RequestInterceptor {
    /// The interceptor wired to Entra, DynamoDB and Secrets Manager, as `main.swift` runs it.
    ///
    /// Besides `InterceptorServices`' variables it reads `PLATFORM_ENV` (the
    /// signing key is `platform/{env}/gateway/scoped-token-signing-key`) and
    /// `IDEMPOTENCY_TABLE`.
    static func live(
        environment: [String: String], transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }, newJTI: @escaping @Sendable () -> String = { UUID().uuidString }
    ) throws -> RequestInterceptor {
        guard let platformEnvironment = environment["PLATFORM_ENV"], !platformEnvironment.isEmpty else {
            throw InterceptorConfigurationError(variable: "PLATFORM_ENV")
        }
        let services = try InterceptorServices.live(environment: environment, transport: transport, now: now)
        let secrets = SecretsManagerSecretSource(secretsManager: SecretsManagerClient(
            client: try AWSClient(service: .secretsManager, environment: environment, transport: transport)))
        let keys = SigningKeyCache(
            secretID: SigningKeyCache.secretID(environment: platformEnvironment), source: secrets, now: now)
        return RequestInterceptor(
            authenticate: services.authenticate, tenants: services.tenants, entitlement: services.entitlement,
            issuer: ScopedTokenIssuer(keys: keys, now: now, newJTI: newJTI),
            idempotency: DynamoDBIdempotencyStore(dynamoDB: services.dynamoDB, tableName: services.tables.idempotency),
            parser: JSONParser(), now: now)
    }
}
