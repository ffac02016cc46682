import AWSCore
import Foundation
import Synchronization

/// The real libcurl transport, counting the requests that go through it.
final class CountingTransport: HTTPTransport {
    private let inner = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
    private let count = Mutex(0)

    var requests: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        count.withLock { $0 += 1 }
        return try await inner.send(request)
    }

    func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        count.withLock { $0 += 1 }
        return try await inner.stream(request, onHead: onHead, onChunk: onChunk)
    }
}
