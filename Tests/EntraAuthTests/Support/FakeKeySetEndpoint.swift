import AWSCore
import FoundationEssentials
import Synchronization

/// An `HTTPTransport` standing in for the JWKS endpoint: answers what the
/// test last set and counts the requests.
final class FakeKeySetEndpoint: HTTPTransport {
    struct Down: Error {}

    private let state: Mutex<(answer: Result<HTTPResponse, Down>, requests: [HTTPRequest])>

    init(body: String) {
        state = Mutex((.success(HTTPResponse(status: 200, body: Data(body.utf8))), []))
    }

    func answer(status: Int = 200, body: String) {
        state.withLock { $0.answer = .success(HTTPResponse(status: status, body: Data(body.utf8))) }
    }

    func goDown() { state.withLock { $0.answer = .failure(Down()) } }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var fetches: Int { requests.count }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try state.withLock { state in
            state.requests.append(request)
            return try state.answer.get()
        }
    }

    func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        try await send(request)
    }
}
