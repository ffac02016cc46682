import AWSCore
import FoundationEssentials
import InterceptorKit
import PlatformJSON

extension ResponseInterceptor {
    /// The interceptor wired to Entra, DynamoDB and SSM, as `main.swift` runs it
    /// (variables: see `InterceptorServices`, and `PII_PATTERNS_PARAMETER` to
    /// read the pattern list from another parameter than SYSTEM.md's).
    static func live(
        environment: [String: String], transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> ResponseInterceptor {
        let services = try InterceptorServices.live(environment: environment, transport: transport, now: now)
        let ssm = SSMClient(client: try AWSClient(service: .ssm, environment: environment, transport: transport))
        return ResponseInterceptor(
            authenticate: services.authenticate, tenants: services.tenants, entitlement: services.entitlement,
            patterns: PIIPatternCache(
                source: SSMParameterSource(ssm: ssm),
                parameterName: environment["PII_PATTERNS_PARAMETER"].flatMap { $0.isEmpty ? nil : $0 }
                    ?? PIIPatternCache.defaultParameterName,
                now: now), parser: JSONParser())
    }
}
