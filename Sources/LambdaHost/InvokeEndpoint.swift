import FoundationEssentials
import HTTPServer
import HTTPWire

/// The Invoke API in front of a `LambdaHost`: RIE-compatible buffered invoke,
/// and a streaming invoke that relays chunks as plain chunked HTTP.
package enum InvokeEndpoint {
    /// Lambda's limit for a synchronous request payload.
    static let requestLimit = 6_291_456
    static let errorTrailers = "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body"
    /// Responses up to this size fit the socket buffers, so the thread ending the
    /// invocation writes them itself; larger ones get a thread of their own.
    static let inlineResponseLimit = 64 * 1024

    package static func router(host: LambdaHost) -> HTTPRouter {
        var router = HTTPRouter()
        router.add("POST", "/2015-03-31/functions/{name}/invocations") { request, writer in
            invoke(host: host, request, writer)
        }
        router.add("POST", "/2021-11-15/functions/{name}/response-streaming-invocations") { request, writer in
            invokeStreaming(host: host, request, writer)
        }
        return router
    }

    private static func invoke(host: LambdaHost, _ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        guard let (invocation, _) = start(host: host, request, writer) else { return }
        if request.headers["X-Amz-Invocation-Type"] == "Event" {
            // Asynchronous: accepted now, runs to completion without anyone waiting.
            invocation.collect(limit: FunctionHost.responseLimit) { _ in }
            try? writer.respond(status: 202, headers: ["X-Amzn-RequestId": invocation.requestID])
            return
        }
        // The thread that ends the invocation (usually the one reading the
        // runtime's response) answers the caller; this one goes back to reading.
        let response = writer.deferResponse()
        invocation.collect(limit: FunctionHost.responseLimit) { result in
            var headers: HTTPFields = [
                "Content-Type": result.contentType ?? "application/json",
                "X-Amz-Executed-Version": "$LATEST",
                "X-Amzn-RequestId": result.requestID,
            ]
            if result.error != nil { headers.add("X-Amz-Function-Error", "Unhandled") }
            let send: @Sendable () -> Void = { [headers] in
                response.respond { writer throws(HTTPWireError) in
                    try writer.respond(status: 200, headers: headers, body: result.payload)
                }
            }
            // A large response to a slow reader must not hold the function's slot.
            if result.payload.count > inlineResponseLimit { DetachedThread.start(send) } else { send() }
        }
    }

    private static func invokeStreaming(host: LambdaHost, _ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        guard let (invocation, _) = start(host: host, request, writer) else { return }
        var headers: HTTPFields = [
            "X-Amz-Executed-Version": "$LATEST",
            "X-Amzn-RequestId": invocation.requestID,
            "Trailer": errorTrailers,
        ]
        // Once the client is gone, keep reading events so the timeout still applies.
        var connected = true
        func send(_ action: () throws(HTTPWireError) -> Void) {
            guard connected else { return }
            do throws(HTTPWireError) { try action() } catch { connected = false }
        }
        while true {
            switch invocation.nextEvent() {
            case .head(let contentType):
                headers.set("Content-Type", contentType ?? "application/octet-stream")
                send { () throws(HTTPWireError) in try writer.startStream(status: 200, headers: headers) }
            case .chunk(let bytes):
                send { () throws(HTTPWireError) in try writer.writeChunk(bytes) }
            case .end:
                send { () throws(HTTPWireError) in try writer.finishStream() }
                return
            case .failure(let error):
                let trailers: HTTPFields = [
                    "Lambda-Runtime-Function-Error-Type": error.errorType,
                    "Lambda-Runtime-Function-Error-Body": Data(error.payload).base64EncodedString(),
                ]
                if writer.state == .idle {
                    // Failed before any output: the error document is the body, as in Invoke.
                    headers.set("Content-Type", "application/json")
                    headers.set("X-Amz-Function-Error", "Unhandled")
                    send { () throws(HTTPWireError) in try writer.startStream(status: 200, headers: headers) }
                    send { () throws(HTTPWireError) in try writer.writeChunk(error.payload) }
                }
                send { () throws(HTTPWireError) in try writer.finishStream(trailers: trailers) }
                return
            }
        }
    }

    /// Reads the request and queues the invocation, or answers with the Invoke API's error.
    private static func start(
        host: LambdaHost, _ request: HTTPServerRequest, _ writer: HTTPResponseWriter
    ) -> (Invocation, String)? {
        let name = request.parameters["name"] ?? ""
        let payload: [UInt8]
        do throws(HTTPWireError) {
            payload = try request.body.readAll(limit: requestLimit)
        } catch .bodyTooLarge {
            writer.closeConnection()
            serviceError(writer, 413, "RequestEntityTooLargeException", "Request must be smaller than \(requestLimit) bytes for the InvokeFunction operation")
            return nil
        } catch {
            writer.closeConnection()
            serviceError(writer, 400, "InvalidRequestContentException", "could not read the request body")
            return nil
        }
        let options = InvokeOptions(
            clientContext: request.headers["X-Amz-Client-Context"].map(decodeClientContext),
            tenantID: request.headers["X-Amz-Tenant-Id"],
            traceID: request.headers["X-Amzn-Trace-Id"]
        )
        do throws(InvokeError) {
            let invocation = try host.startInvocation(function: name, payload: payload, options: options)
            return (invocation, name)
        } catch .functionNotFound {
            serviceError(writer, 404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:local:000000000000:function:\(name)")
        } catch {
            serviceError(writer, 503, "ServiceException", "the Lambda host is stopping")
        }
        return nil
    }

    /// The Invoke API sends client context as base64 JSON; the runtime gets the JSON.
    static func decodeClientContext(_ value: String) -> String {
        guard let data = Data(base64Encoded: value) else { return value }
        return String(decoding: data, as: UTF8.self)
    }

    private static func serviceError(_ writer: HTTPResponseWriter, _ status: Int, _ type: String, _ message: String) {
        let body = "{\"Type\":\"User\",\"message\":\(quoted(message))}"
        try? writer.respond(status: status, json: body, headers: ["X-Amzn-ErrorType": type])
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
