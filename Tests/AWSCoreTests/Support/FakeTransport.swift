import Foundation
import Synchronization
@testable import AWSCore

/// An `HTTPTransport` that records requests and answers from a script.
final class FakeTransport: HTTPTransport {
    private let script: Mutex<[Result<HTTPResponse, TransportError>]>
    private let sent = Mutex<[HTTPRequest]>([])

    init(_ script: [Result<HTTPResponse, TransportError>]) { self.script = Mutex(script) }

    convenience init(status: Int, body: String, headers: [(String, String)] = []) {
        self.init([.success(HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)))])
    }

    var requests: [HTTPRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        let next = script.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        return try next.get()
    }

    func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        let response = try await send(request)
        try await onHead(response)
        try await onChunk(response.body)
        return HTTPResponse(status: response.status, headers: response.headers)
    }

    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                            sessionToken: "SESSIONTOKEN")

    func client(_ service: AWSService, endpoint: String? = nil) -> AWSClient {
        let endpoint = endpoint.flatMap { AWSEndpoint(url: $0, isOverride: true) }
            ?? AWSEndpoint(scheme: "https", authority: "\(service.endpointPrefix).eu-west-2.amazonaws.com")
        return AWSClient(service: service, region: "eu-west-2", endpoint: endpoint,
                         credentials: StaticCredentialProvider(Self.credentials), transport: self,
                         retry: RetryPolicy(random: { 0.5 }, sleep: { _ in }),
                         now: { Date(timeIntervalSince1970: 1_700_000_000) })
    }
}
