/// Service Quotas over awsJson1.1 (`ServiceQuotasV20190624.*`): GetServiceQuota.
public struct ServiceQuotasClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    public struct Quota: Decodable, Sendable, Equatable {
        public var serviceCode: String?
        public var quotaCode: String?
        public var quotaName: String?
        public var value: Double
        enum CodingKeys: String, CodingKey {
            case serviceCode = "ServiceCode", quotaCode = "QuotaCode", quotaName = "QuotaName", value = "Value"
        }
    }

    private struct Input: Encodable {
        var serviceCode: String
        var quotaCode: String
        enum CodingKeys: String, CodingKey { case serviceCode = "ServiceCode", quotaCode = "QuotaCode" }
    }

    private struct Output: Decodable {
        var quota: Quota
        enum CodingKeys: String, CodingKey { case quota = "Quota" }
    }

    /// The applied quota value; throws `AWSError` `NoSuchResourceException` when the service has no such quota.
    public func serviceQuota(serviceCode: String, quotaCode: String) async throws -> Quota {
        try await client.json(target: "ServiceQuotasV20190624", operation: "GetServiceQuota",
                              input: Input(serviceCode: serviceCode, quotaCode: quotaCode), version: "1.1",
                              as: Output.self).quota
    }
}

extension AWSService {
    public static let serviceQuotas = AWSService(id: "Service Quotas", endpointPrefix: "servicequotas", signingName: "servicequotas")
}
