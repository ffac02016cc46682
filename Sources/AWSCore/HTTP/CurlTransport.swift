import FoundationEssentials

/// The libcurl-backed `HTTPTransport` used against AWS endpoints (TLS, DNS,
/// proxies), with connection reuse through a pool of easy handles.
public struct CurlTransport: HTTPTransport {
    public struct Configuration: Sendable {
        /// Limit for DNS, TCP and TLS set-up.
        public var connectTimeout: Duration
        /// Limit for a whole buffered exchange.
        public var timeout: Duration
        /// Limit for a whole streamed exchange (an agent may answer for 15 minutes).
        public var streamTimeout: Duration
        /// Largest buffered response body accepted.
        public var maxBodyBytes: Int
        /// Idle handles (and so open connections) kept for reuse.
        public var maxIdleHandles: Int

        public init(connectTimeout: Duration = .seconds(5), timeout: Duration = .seconds(60),
                    streamTimeout: Duration = .seconds(900), maxBodyBytes: Int = 32 << 20, maxIdleHandles: Int = 4) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.streamTimeout = streamTimeout
            self.maxBodyBytes = maxBodyBytes
            self.maxIdleHandles = maxIdleHandles
        }
    }

    public let configuration: Configuration
    private let pool: CurlHandlePool

    /// Creating a transport touches no libcurl state; the first request does.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        pool = CurlHandlePool(maxIdle: configuration.maxIdleHandles)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let limits = CurlTransfer.Limits(connectTimeout: configuration.connectTimeout,
                                         timeout: configuration.timeout, maxBodyBytes: configuration.maxBodyBytes)
        return try await run(request, limits: limits, onHead: nil, onChunk: nil)
    }

    /// `send` under `policy`: pinned to a checked address, restricted protocols,
    /// no redirects, no proxy, a fresh connection that is not kept.
    public func send(_ request: HTTPRequest, policy: CurlConnectionPolicy) async throws -> HTTPResponse {
        let limits = CurlTransfer.Limits(connectTimeout: configuration.connectTimeout,
                                         timeout: configuration.timeout, maxBodyBytes: configuration.maxBodyBytes)
        return try await run(request, limits: limits, policy: policy, onHead: nil, onChunk: nil)
    }

    public func stream(
        _ request: HTTPRequest,
        onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
        onChunk: @escaping @Sendable (Data) async throws -> Void
    ) async throws -> HTTPResponse {
        let limits = CurlTransfer.Limits(connectTimeout: configuration.connectTimeout,
                                         timeout: configuration.streamTimeout, maxBodyBytes: configuration.maxBodyBytes)
        return try await run(request, limits: limits, onHead: onHead, onChunk: onChunk)
    }

    /// Idle handles in the pool (for tests of connection reuse).
    var idleHandleCount: Int { pool.idleCount }

    private func run(_ request: HTTPRequest, limits: CurlTransfer.Limits, policy: CurlConnectionPolicy? = nil,
                     onHead: CurlTransfer.HeadHandler?, onChunk: CurlTransfer.ChunkHandler?) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let cancelled = CancellationFlag()
        let pool = pool
        let result = await withTaskCancellationHandler {
            await BlockingThread.run { () -> Result<HTTPResponse, any Error> in
                guard let handle = pool.checkOut() else {
                    return .failure(TransportError.other(host: request.host, code: -1, detail: "libcurl could not create a handle"))
                }
                // A pinned handle's DNS cache holds the pinned entry: it is never reused.
                defer { if policy == nil { pool.checkIn(handle) } }
                let transfer = CurlTransfer(handle: handle, request: request, limits: limits, policy: policy,
                                            cancelled: cancelled, onHead: onHead, onChunk: onChunk)
                return transfer.perform()
            }
        } onCancel: {
            cancelled.set()
        }
        return try result.get()
    }
}
