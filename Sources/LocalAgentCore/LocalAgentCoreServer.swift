import AWSCore
import Foundation
import HTTPServer
import HTTPWire

/// The local AgentCore Runtime data plane: InvokeAgentRuntime in front of
/// real agent processes, plus `/_local/faults` for failover tests.
package final class LocalAgentCoreServer: Sendable {
    package let faults = FaultInjector()
    private let configuration: LocalAgentCoreConfiguration
    private let pool: AgentProcessPool
    private let sessions: SessionTracker
    private let signatures: RequestSignatureCheck
    private let server: HTTPServerBox

    /// `http://host:port`, the value for `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE`.
    package var url: String { "http://\(server.value.address)" }

    init(configuration: LocalAgentCoreConfiguration) throws {
        self.configuration = configuration
        pool = AgentProcessPool(configuration: configuration)
        sessions = SessionTracker(idleTimeout: configuration.sessionIdleTimeout)
        signatures = RequestSignatureCheck(knownSecrets: configuration.knownSecrets)
        server = HTTPServerBox()
        var router = HTTPRouter()
        router.add("POST", "/runtimes/{arn}/invocations") { [self] request, writer in invoke(request, writer) }
        router.add("GET", "/ping") { _, writer in try? writer.respond(status: 200, json: #"{"status":"Healthy"}"#) }
        router.add("POST", "/_local/faults") { [self] request, writer in setFault(request, writer) }
        router.add("DELETE", "/_local/faults") { [self] _, writer in
            faults.clearAll()
            try? writer.respond(status: 204)
        }
        router.add("GET", "/_local/sessions") { [self] _, writer in
            try? writer.respond(status: 200, json: "{\"sessions\":\(sessions.count)}")
        }
        server.value = try HTTPServer(host: configuration.host, port: configuration.port, handler: router.handler)
        startReaper()
    }

    /// Stops serving and stops every agent process.
    package func stop() {
        server.value.stop()
        pool.stopAll()
    }

    private func invoke(_ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        do {
            guard let target = InvocationTarget(encodedARN: request.parameters["arn"] ?? "") else {
                return try AWSErrorResponse.send(status: 400, code: "ValidationException",
                                                 message: "The runtime ARN is not valid.", writer: writer)
            }
            let body = try request.body.readAll(limit: 100 * 1024 * 1024)
            switch check(request, body: body, region: target.region) {
            case .some(let (status, code, message)):
                return try AWSErrorResponse.send(status: status, code: code, message: message, writer: writer)
            case .none: break
            }
            guard let sessionID = request.headers[AgentProxy.sessionHeader], Self.isValidSession(sessionID) else {
                return try AWSErrorResponse.send(
                    status: 400, code: "ValidationException",
                    message: "The runtime session id must be 33-256 characters.", writer: writer)
            }
            if let fault = faults.take(region: target.region) {
                return try AWSErrorResponse.send(status: fault.status, code: fault.error,
                                                 message: "Injected \(fault.error) in \(target.region).", writer: writer)
            }
            let agent: AgentProcess
            do { agent = try pool.agent(for: target) } catch let error as LocalAgentCoreError {
                let notFound = error == .noAgent(target.runtimeID)
                return try AWSErrorResponse.send(status: notFound ? 404 : 500,
                                                 code: notFound ? "ResourceNotFoundException" : "InternalServerException",
                                                 message: error.description, writer: writer)
            }
            sessions.touch(sessionID, runtimeARN: target.runtimeARN)
            _ = try AgentProxy.forward(body: body, sessionID: sessionID, accept: request.headers["Accept"], to: agent,
                                       writer: writer)
        } catch {
            if writer.state == .idle {
                try? AWSErrorResponse.send(status: 500, code: "InternalServerException",
                                           message: "The local runtime failed: \(error)", writer: writer)
            }
        }
    }

    /// nil when the signature passes; else the error to answer.
    private func check(_ request: HTTPServerRequest, body: [UInt8], region: String) -> (Int, String, String)? {
        var headers = HTTPHeaders()
        for field in request.headers { headers.add(field.name, field.value) }
        let query = String(request.head.query)
        let signed = AWSCore.HTTPRequest(method: request.method, scheme: "http",
                                         authority: request.headers["Host"] ?? server.value.address,
                                         path: request.path, query: query, headers: headers, body: Data(body))
        do {
            try signatures.check(signed, region: region, now: Date())
            return nil
        } catch {
            switch error {
            case .missing: return (403, "AccessDeniedException", "The request is not signed.")
            case .invalid(let reason):
                return (403, "InvalidSignatureException", "The request signature is not valid: \(reason).")
            }
        }
    }

    private func setFault(_ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        struct Body: Decodable { var region: String; var error: String; var count: Int? }
        guard let bytes = try? request.body.readAll(limit: 64 * 1024),
              let body = try? JSONDecoder().decode(Body.self, from: Data(bytes)),
              FaultInjector.supported.contains(body.error) else {
            try? writer.respond(status: 400, json: #"{"message":"expected {region, error, count?}"}"#)
            return
        }
        faults.set(.init(error: body.error, remaining: body.count), region: body.region)
        try? writer.respond(status: 204)
    }

    private func startReaper() {
        let interval = max(1, min(60, configuration.sessionIdleTimeout / 4))
        let thread = Thread { [weak self] in
            while let self {
                Thread.sleep(forTimeInterval: interval)
                self.sessions.expire(busyRuntimes: self.pool.busyRuntimes())
                self.pool.stopIdle(keep: self.sessions.activeRuntimes)
            }
        }
        thread.start()
    }

    static func isValidSession(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return (33...256).contains(bytes.count) && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
