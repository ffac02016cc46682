import AWSCore
import FoundationEssentials
import Synchronization
@testable import BFF

/// An HTTP transport answering from a script (token endpoint, AgentCore) and recording what was sent.
final class ScriptedTransport: HTTPTransport {
    enum Answer: Sendable {
        case response(HTTPResponse)
        case failure
    }

    struct TransportDown: Error {}

    private let state: Mutex<(answers: [Answer], sent: [HTTPRequest])>

    init(_ answers: Answer...) {
        state = Mutex((answers, []))
    }

    var sent: [HTTPRequest] { state.withLock { $0.sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer = state.withLock { state -> Answer in
            state.sent.append(request)
            return state.answers.count > 1 ? state.answers.removeFirst() : state.answers[0]
        }
        switch answer {
        case .response(let response): return response
        case .failure: throw TransportDown()
        }
    }

    func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        var response = try await send(request)
        try await onHead(response)
        try await onChunk(response.body)
        response.body = Data()
        return response
    }

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Answer {
        .response(HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)))
    }

    static let success = json(200, #"{"token_type":"Bearer","scope":"api://agent-platform/Agents.Invoke","expires_in":3600,"access_token":"downstream.jwt.token"}"#)
}
