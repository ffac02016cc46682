import AWSCore
import FoundationEssentials

extension BFFHandler {
    /// The handler wired to AWS and the identity provider, as `main.swift` runs it.
    static func live(configuration: BFFConfiguration, environment: [String: String],
                     transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }) throws -> BFFHandler {
        let secrets = SecretsManagerSource(client: SecretsManagerClient(
            client: try AWSClient(service: .secretsManager, environment: environment, transport: transport)))
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
        let ssm = SSMClient(client: try AWSClient(service: .ssm, environment: environment, transport: transport))
        let agentCore = try AWSClient(service: .bedrockAgentCore, environment: environment, transport: transport)
        // The active region changes only on failover; the bridge caches it for 60 s too.
        let region = TimedCache<String>(lifetime: 60, now: now) {
            try await ssm.getParameter(BFFConfiguration.runtimeRegionParameter).value
        }
        return BFFHandler(
            scopes: ScopeValidator(audience: configuration.audience),
            tokens: OnBehalfOfClient(tokenURL: configuration.tokenURL, transport: transport, secrets: secrets,
                                     clientIDSecret: configuration.clientIDSecret,
                                     clientSecretSecret: configuration.clientSecretSecret, now: now),
            keepalive: SessionKeepalive(
                sessions: DynamoDBSessionDirectory(dynamoDB: dynamoDB, tableName: configuration.tables.sessions),
                agents: DynamoDBAgentDirectory(dynamoDB: dynamoDB, tableName: configuration.tables.agents),
                pinger: AgentCorePinger { region in
                    AgentCoreClient(client: try agentCore.inRegion(region, environment: environment))
                },
                activeRegion: { try await region.value() },
                now: now)
        )
    }
}
