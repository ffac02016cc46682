import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// `GET /v1/health`: the API answers, and says whether its dependencies do.
/// `status` is `ok` when every dependency answered, else `degraded`; the
/// response names each dependency and its state, never an error text. The
/// answer is reused for a few seconds (`HealthAnswerCache`), so `timestamp`
/// says when the dependencies were last checked.
struct HealthHandler: Sendable {
    struct Dependency: Encodable, Sendable, Equatable {
        var name: String
        var status: String
        var latencyMs: Int
    }

    let dependencies: TenantAPIDependencies
    private let answers: HealthAnswerCache

    init(dependencies: TenantAPIDependencies) {
        self.dependencies = dependencies
        answers = HealthAnswerCache(now: dependencies.now)
    }

    func health(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        try await answers.answer { try await check() }
    }

    /// Asks each dependency now.
    private func check() async throws -> APIGatewayProxyResponse {
        let deps = dependencies
        async let table = probe("dynamodb") {
            _ = try await deps.stores.controlPlane.get(
                Tenant.self, table: deps.configuration.tables.tenants, key: .tenantMetadata(.platform))
            return nil as String?
        }
        async let region = probe("ssm") {
            try await deps.parameters.parameter(TenantAPIConfiguration.runtimeRegionParameter)
        }
        let (dynamo, ssm) = await (table, region)
        let checks = [dynamo.dependency, ssm.dependency]
        struct Body: Encodable {
            var status: String, version: String, runtimeRegion: String?, timestamp: String, dependencies: [Dependency]
        }
        let body = Body(
            status: checks.allSatisfy { $0.status == "ok" } ? "ok" : "degraded",
            version: deps.configuration.version, runtimeRegion: ssm.value ?? nil,
            timestamp: DynamoDBItemTimestamp.string(from: deps.now()), dependencies: checks)
        return try APIResponse.json(200, body)
    }

    private func probe<T: Sendable>(
        _ name: String, _ body: @Sendable () async throws -> T
    ) async -> (dependency: Dependency, value: T?) {
        let started = ContinuousClock.now
        func elapsed() -> Int {
            let duration = ContinuousClock.now - started
            return Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        do {
            let value = try await body()
            return (Dependency(name: name, status: "ok", latencyMs: elapsed()), value)
        } catch {
            dependencies.log("WARN", "health_dependency_unavailable", ["dependency": name, "errorType": String(describing: type(of: error))])
            return (Dependency(name: name, status: "unavailable", latencyMs: elapsed()), nil)
        }
    }
}
