import FoundationEssentials

/// One AWS service in one region: endpoint, credentials, SigV4 signing,
/// transport and retry. The protocol clients (`DynamoDBClient`, `S3Client`, ...)
/// build requests and hand them to it.
public struct AWSClient: Sendable {
    public let service: AWSService
    public let region: String
    public let endpoint: AWSEndpoint
    let credentialProvider: any CredentialProvider
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let now: @Sendable () -> Date

    public init(
        service: AWSService, region: String, endpoint: AWSEndpoint, credentials: any CredentialProvider,
        transport: any HTTPTransport, retry: RetryPolicy = RetryPolicy(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.service = service
        self.region = region
        self.endpoint = endpoint
        credentialProvider = credentials
        self.transport = transport
        self.retry = retry
        self.now = now
    }

    /// A client configured the way the SDKs do it: region from `AWS_REGION` (unless
    /// given), endpoint overrides from `AWS_ENDPOINT_URL*`, and credentials from the
    /// Lambda variables unless a provider is given.
    public init(
        service: AWSService, environment: [String: String], transport: any HTTPTransport,
        region: String? = nil, credentials: (any CredentialProvider)? = nil, retry: RetryPolicy = RetryPolicy()
    ) throws {
        let settings = AWSEnvironment(environment)
        let region = try region ?? settings.region()
        try AWSEnvironment.validate(region: region)
        self.init(service: service, region: region, endpoint: try settings.endpoint(for: service, region: region),
                  credentials: credentials ?? EnvironmentCredentialProvider(environment: environment),
                  transport: transport, retry: retry)
    }

    /// The same service and transport in another region (endpoint re-resolved).
    public func inRegion(_ region: String, environment: [String: String]) throws -> AWSClient {
        let endpoint = try AWSEnvironment(environment).endpoint(for: service, region: region)
        return AWSClient(service: service, region: region, endpoint: endpoint, credentials: credentialProvider,
                         transport: transport, retry: retry, now: now)
    }

    /// The same client signing with other credentials (for example an assumed role).
    public func with(credentials: any CredentialProvider) -> AWSClient {
        AWSClient(service: service, region: region, endpoint: endpoint, credentials: credentials,
                  transport: transport, retry: retry, now: now)
    }

    /// Signs and sends `request` (re-signed for every attempt) and returns the
    /// 2xx response; other statuses become `AWSError` or `AWSResponseError`.
    func send(_ request: HTTPRequest, operation: String, payload: SigV4Payload = .signed) async throws -> HTTPResponse {
        try await retry.run {
            let response = try await transport.send(try await signed(request, payload: payload))
            guard (200..<300).contains(response.status) else {
                throw AWSErrorParser.error(from: response, service: service.id, operation: operation)
            }
            return response
        }
    }

    /// Like `send`, but relays the 2xx body chunk by chunk; an error body is
    /// collected and thrown as an `AWSError` instead. Only failures before any
    /// chunk was relayed are retried.
    func stream(_ request: HTTPRequest, operation: String,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        try await retry.run {
            let errorBody = StreamErrorBody()
            let head = try await transport.stream(
                try await signed(request, payload: .signed),
                onHead: { head in errorBody.begin(status: head.status) },
                onChunk: { chunk in
                    if !errorBody.collect(chunk) { try await onChunk(chunk) }
                })
            guard (200..<300).contains(head.status) else {
                let response = HTTPResponse(status: head.status, headers: head.headers, body: errorBody.data)
                throw AWSErrorParser.error(from: response, service: service.id, operation: operation)
            }
            return head
        }
    }

    /// A query-signed copy of `request`, valid for `expires` seconds.
    func presign(_ request: HTTPRequest, expires: Int) async throws -> HTTPRequest {
        let credentials = try await credentialProvider.credentials()
        return SigV4Signer(credentials: credentials, region: region, service: service.signingName)
            .presign(request, date: now(), expires: expires)
    }

    private func signed(_ request: HTTPRequest, payload: SigV4Payload) async throws -> HTTPRequest {
        let credentials = try await credentialProvider.credentials()
        var request = request
        SigV4Signer(credentials: credentials, region: region, service: service.signingName)
            .sign(&request, date: now(), payload: payload)
        return request
    }
}
