import FoundationEssentials

/// How the local REST API is set up: its identity in ARNs, the authoriser,
/// caching and limits. Defaults mirror the deployed stage.
public struct GatewayConfiguration: Sendable {
    public var region: String
    public var accountID: String
    public var apiID: String
    public var stage: String
    /// The REQUEST authoriser function (identity source: the Authorization header).
    public var authoriserFunction: String
    /// Authoriser result cache TTL in seconds (API Gateway's default is 300; 0 disables).
    public var authoriserCacheTTL: TimeInterval
    /// API Gateway's request payload limit.
    public var maxRequestBytes: Int
    /// Largest buffered integration response accepted (Lambda's 6 MB).
    public var maxResponseBytes: Int
    /// Usage plans by tier name; the authoriser context's `tier` selects one.
    public var usagePlans: [String: UsagePlan]
    /// Served for `GET /v1/health` while its function is not hosted yet.
    public var version: String
    /// CORS for the web console (preflight and the gateway's own responses).
    public var cors: CORSPolicy

    public init(
        region: String = "eu-west-2", accountID: String = "123456789012", apiID: String = "localapi01",
        stage: String = "local", authoriserFunction: String = "authoriser", authoriserCacheTTL: TimeInterval = 300,
        maxRequestBytes: Int = 10 << 20, maxResponseBytes: Int = 6 << 20,
        usagePlans: [String: UsagePlan] = UsagePlan.byTier, version: String = "local", cors: CORSPolicy = CORSPolicy(allowedOrigin: nil)
    ) {
        self.region = region
        self.accountID = accountID
        self.apiID = apiID
        self.stage = stage
        self.authoriserFunction = authoriserFunction
        self.authoriserCacheTTL = authoriserCacheTTL
        self.maxRequestBytes = maxRequestBytes
        self.maxResponseBytes = maxResponseBytes
        self.usagePlans = usagePlans
        self.version = version
        self.cors = cors
    }

    /// `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}{path}`, as API Gateway builds it.
    func methodARN(method: String, path: String) -> String {
        "arn:aws:execute-api:\(region):\(accountID):\(apiID)/\(stage)/\(method.uppercased())\(path)"
    }
}
