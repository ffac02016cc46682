import AWSCore
import DataAccess
import FoundationEssentials

extension TenantAPIDependencies {
    /// The production wiring: every AWS client from the Lambda environment
    /// (region, credentials, `AWS_ENDPOINT_URL*` overrides), one libcurl transport.
    static func aws(environment: [String: String], log: @escaping @Sendable (String, String, [String: String]) -> Void) throws
        -> TenantAPIDependencies {
        let configuration = TenantAPIConfiguration(environment: environment)
        let transport = CurlTransport()
        func client(_ service: AWSService) throws -> AWSClient {
            try AWSClient(service: service, environment: environment, transport: transport)
        }
        let dynamoDB = DynamoDBClient(client: try client(.dynamoDB))
        let stores = StoreProvider(
            tenantScoped: { tenant in TenantScopedRecordStore(dynamoDB: TenantScopedDynamoDB(tenant: tenant, dynamoDB: dynamoDB)) },
            controlPlane: ControlPlaneRecordStore(dynamoDB: ControlPlaneDynamoDB(dynamoDB: dynamoDB)))
        let busName = environment["EVENT_BUS_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        return TenantAPIDependencies(
            configuration: configuration,
            stores: stores,
            events: EventBridgePublisher(client: EventBridgeClient(client: try client(.eventBridge)), busName: busName),
            secrets: SecretsManagerStore(client: SecretsManagerClient(client: try client(.secretsManager))),
            memory: AgentCoreMemoryProvisioner(client: AgentCoreControlClient(client: try client(.bedrockAgentCoreControl)),
                                               eventExpiryDays: TenantAPIConfiguration.memoryEventExpiryDays),
            parameters: SSMParameterStore(client: SSMClient(client: try client(.ssm))),
            objects: TenantScopedObjectStore(s3: S3Client(client: try client(.s3)), bucket: configuration.auditExportBucket),
            quotas: AgentCoreQuotaReader(cloudWatch: try client(.cloudWatch), serviceQuotas: try client(.serviceQuotas),
                                         environment: environment, now: { Date() }),
            log: log)
    }
}
