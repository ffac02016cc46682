import FoundationEssentials
import LambdaEvents

extension LocalAPIGateway {
    /// Invokes the route's function with a v1 proxy event and relays its answer,
    /// streaming it when the route streams and the function sent a prelude.
    func integrate(
        _ request: GatewayRequest, match: RouteTable.Match, authorizer: [String: String]?, requestID: String,
        writer: any GatewayResponseWriter
    ) -> Int {
        let event = events.proxyEvent(for: request, match: match, authorizer: authorizer, requestID: requestID, now: now())
        guard let payload = try? JSONEncoder().encode(event) else { return send(.badGateway, requestID: requestID, to: writer) }
        let source: any FunctionResponseSource
        do {
            source = try invoker.invoke(function: match.route.function, payload: [UInt8](payload))
        } catch .functionNotFound where match.route.method == "GET" && match.route.path == "/v1/health" {
            return health(requestID: requestID, writer: writer)
        } catch {
            log("\(requestID) function \(match.route.function) is not available: \(error)")
            return send(.badGateway, requestID: requestID, to: writer)
        }
        if match.route.streaming {
            return relayStream(source, requestID: requestID, writer: writer)
        }
        return relayBuffered(Self.collect(source, limit: configuration.maxResponseBytes), requestID: requestID, writer: writer)
    }

    private func relayBuffered(_ result: Result<(String?, [UInt8]), CollectFailure>, requestID: String, writer: any GatewayResponseWriter) -> Int {
        switch result {
        case .failure(let failure):
            return send(failure.errorType == "Sandbox.Timedout" ? .integrationTimeout : .badGateway, requestID: requestID, to: writer)
        case .success(let (_, body)):
            guard let answer = ProxyResponseMapper.answer(fromPayload: body) else {
                log("\(requestID) integration answered something that is not a proxy response")
                return send(.badGateway, requestID: requestID, to: writer)
            }
            try? writer.respond(status: answer.status, headers: answer.headers + [("x-amzn-RequestId", requestID)], body: answer.body)
            return answer.status
        }
    }

    /// Streams an HTTP-integration response as it arrives: prelude first, then
    /// each chunk as the function writes it. A buffered answer is mapped as usual.
    private func relayStream(_ source: any FunctionResponseSource, requestID: String, writer: any GatewayResponseWriter) -> Int {
        var reader = StreamingPrelude.Reader()
        var status: Int?
        while true {
            let event = source.next()
            switch event {
            case .head(let contentType) where contentType != StreamingPrelude.contentType:
                // Not a streamed HTTP response: collect the rest and map it as a proxy response.
                return relayBuffered(Self.collect(PrefixedSource(first: event, rest: source), limit: configuration.maxResponseBytes),
                                     requestID: requestID, writer: writer)
            case .head:
                continue
            case .chunk(let bytes):
                if status != nil {
                    try? writer.writeChunk(bytes)
                    continue
                }
                do throws(StreamingPrelude.Failure) {
                    guard let (prelude, rest) = try reader.feed(bytes) else { continue }
                    var headers = prelude.headers + prelude.cookies.map { ("Set-Cookie", $0) }
                    headers.append(("x-amzn-RequestId", requestID))
                    try? writer.startStream(status: prelude.statusCode, headers: headers)
                    status = prelude.statusCode
                    if !rest.isEmpty { try? writer.writeChunk(rest) }
                } catch {
                    log("\(requestID) streamed integration sent an invalid prelude")
                    drain(source)
                    return send(.badGateway, requestID: requestID, to: writer)
                }
            case .end, .failure:
                guard let status else {
                    // Ended (or failed) before the prelude was complete.
                    if case .failure(let errorType, _) = event, errorType == "Sandbox.Timedout" {
                        return send(.integrationTimeout, requestID: requestID, to: writer)
                    }
                    return send(.badGateway, requestID: requestID, to: writer)
                }
                // After the head is sent a failure can only end the stream.
                if case .failure = event { log("\(requestID) streamed integration failed after the response started") }
                try? writer.finishStream()
                return status
            }
        }
    }

    private func drain(_ source: any FunctionResponseSource) {
        while true {
            switch source.next() {
            case .end, .failure: return
            case .head, .chunk: continue
            }
        }
    }

    /// `GET /v1/health` until tenant-api is hosted: the gateway itself answers.
    private func health(requestID: String, writer: any GatewayResponseWriter) -> Int {
        let timestamp = now().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let body = "{\"status\":\"ok\",\"version\":\"\(configuration.version)\",\"runtimeRegion\":\"local\",\"timestamp\":\"\(timestamp)\"}"
        try? writer.respond(status: 200, headers: [("Content-Type", "application/json")] + configuration.cors.responseHeaders
                                + [("x-amzn-RequestId", requestID)], body: Array(body.utf8))
        return 200
    }
}

/// An event source with one event put back in front.
private final class PrefixedSource: FunctionResponseSource, @unchecked Sendable {
    private var first: FunctionResponseEvent?
    private let rest: any FunctionResponseSource

    init(first: FunctionResponseEvent, rest: any FunctionResponseSource) {
        self.first = first
        self.rest = rest
    }

    func next() -> FunctionResponseEvent {
        if let event = first {
            first = nil
            return event
        }
        return rest.next()
    }
}
