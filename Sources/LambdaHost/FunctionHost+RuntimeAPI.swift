import FoundationEssentials
import HTTPServer
import HTTPWire

/// The Runtime API each slot's process talks to
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
extension FunctionHost {
    func runtimeAPIRouter(slot index: Int) -> HTTPRouter {
        var router = HTTPRouter()
        let base = "/2018-06-01/runtime"
        router.add("GET", "\(base)/invocation/next") { [weak self] request, writer in
            self?.next(slot: index, writer)
        }
        router.add("POST", "\(base)/invocation/{id}/response") { [weak self] request, writer in
            self?.response(slot: index, request, writer)
        }
        router.add("POST", "\(base)/invocation/{id}/error") { [weak self] request, writer in
            self?.error(slot: index, request, writer)
        }
        router.add("POST", "\(base)/init/error") { [weak self] request, writer in
            self?.initError(slot: index, request, writer)
        }
        return router
    }

    private func next(slot index: Int, _ writer: HTTPResponseWriter) {
        let generation: Int? = state.withLock { state in
            guard state.slots[index].process != nil, !state.stopped else { return nil }
            switch state.slots[index].phase {
            case .initialising:
                let duration = Double(monotonicNanoseconds() - state.slots[index].spawnedAt) / 1e6
                state.slots[index].pendingInitDuration = duration
                state.initDurations.append(duration)
                state.slots[index].phase = .ready
            case .busy:
                // `next` without a result for the current invocation.
                state.slots[index].current?.emit(.failure(FunctionError(
                    errorType: "Runtime.InvalidState", message: "the runtime asked for the next event without a result"
                )))
                state.slots[index].current = nil
                state.slots[index].phase = .ready
            case .ready, .empty:
                break
            }
            return state.slots[index].generation
        }
        state.broadcast()
        guard let generation else { return gone(writer) }
        let invocation = state.wait { state -> Invocation?? in
            guard !state.stopped, state.slots[index].generation == generation else { return .some(nil) }
            guard !state.pending.isEmpty else {
                state.slots[index].waitingForNext = true
                return nil
            }
            let invocation = state.pending.removeFirst()
            state.slots[index].waitingForNext = false
            state.slots[index].phase = .busy
            state.slots[index].current = invocation
            state.slots[index].currentStartedAt = monotonicNanoseconds()
            invocation.deliver(deadline: state.slots[index].currentStartedAt + UInt64(configuration.timeout * 1e9))
            return .some(invocation)
        }
        guard let invocation = invocation ?? nil else { return gone(writer) }
        log?(ReportLine.start(requestID: invocation.requestID))
        let deadline = Int64(Date.now.timeIntervalSince1970 * 1000) + Int64(configuration.timeout * 1000)
        var headers: HTTPFields = [
            "Content-Type": "application/json",
            "Lambda-Runtime-Aws-Request-Id": invocation.requestID,
            "Lambda-Runtime-Deadline-Ms": String(deadline),
            "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:\(region):000000000000:function:\(configuration.name)",
            "Lambda-Runtime-Trace-Id": invocation.options.traceID ?? Self.traceID(),
        ]
        if let value = invocation.options.clientContext { headers.add("Lambda-Runtime-Client-Context", value) }
        if let value = invocation.options.cognitoIdentity { headers.add("Lambda-Runtime-Cognito-Identity", value) }
        if let value = invocation.options.tenantID { headers.add("Lambda-Runtime-Aws-Tenant-Id", value) }
        // A failed write means the process died; its reaper reports the invocation.
        try? writer.respond(status: 200, headers: headers, body: invocation.payload)
    }

    private func response(slot index: Int, _ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        guard let invocation = current(slot: index, request) else { return unknownRequest(writer) }
        let streaming = request.headers["Lambda-Runtime-Function-Response-Mode"]?.lowercased() == "streaming"
        do throws(HTTPWireError) {
            if streaming {
                invocation.emit(.head(contentType: request.headers["Content-Type"]))
                while let piece = try request.body.next() { invocation.emit(.chunk(piece)) }
                // REPORT goes out before the caller sees the end, as in Lambda's logs.
                if let failure = Self.trailerFailure(request.body.trailers) {
                    complete(slot: index, invocation, status: "error\tError Type: \(failure.errorType)")
                    invocation.emit(.failure(failure))
                } else {
                    complete(slot: index, invocation)
                    invocation.emit(.end)
                }
            } else {
                let body = try request.body.readAll(limit: Self.responseLimit)
                complete(slot: index, invocation)
                invocation.emit(contentsOf: [.head(contentType: request.headers["Content-Type"]), .chunk(body), .end])
            }
        } catch .bodyTooLarge {
            complete(slot: index, invocation, status: "error\tError Type: Function.ResponseSizeTooLarge")
            invocation.emit(.failure(.responseTooLarge(limit: Self.responseLimit)))
            writer.closeConnection()
            let message = "Exceeded maximum allowed payload size (\(Self.responseLimit) bytes)."
            try? writer.respond(status: 413, json: FunctionError(errorType: "RequestEntityTooLarge", message: message).json)
            return
        } catch {
            return  // the connection broke: the process is gone and its reaper reports it
        }
        try? writer.respond(status: 202, json: #"{"status":"OK"}"#)
    }

    private func error(slot index: Int, _ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        guard let invocation = current(slot: index, request) else { return unknownRequest(writer) }
        let body = (try? request.body.readAll(limit: Self.responseLimit)) ?? []
        let errorType = request.headers["Lambda-Runtime-Function-Error-Type"] ?? "Unhandled"
        complete(slot: index, invocation, status: "error\tError Type: \(errorType)")
        invocation.emit(.failure(FunctionError(errorType: errorType, payload: body)))
        try? writer.respond(status: 202, json: #"{"status":"OK"}"#)
    }

    private func initError(slot index: Int, _ request: HTTPServerRequest, _ writer: HTTPResponseWriter) {
        let body = (try? request.body.readAll(limit: Self.responseLimit)) ?? []
        let errorType = request.headers["Lambda-Runtime-Function-Error-Type"] ?? "Runtime.Unknown"
        let accepted = state.withLock { state -> Bool in
            guard state.slots[index].phase == .initialising else { return false }
            state.slots[index].initFailureDelivered = true
            if !state.pending.isEmpty {
                state.pending.removeFirst().emit(.failure(FunctionError(errorType: errorType, payload: body)))
            }
            return true
        }
        guard accepted else {
            let failure = FunctionError(errorType: "InvalidStateTransition", message: "init/error after init")
            try? writer.respond(status: 403, json: failure.json)
            return
        }
        log?("INIT_REPORT Phase: init\tStatus: error\tError Type: \(errorType)")
        try? writer.respond(status: 202, json: #"{"status":"OK"}"#)
    }

    private func current(slot index: Int, _ request: HTTPServerRequest) -> Invocation? {
        let id = request.parameters["id"]
        return state.withLock { state in
            state.slots[index].current.flatMap { $0.requestID == id ? $0 : nil }
        }
    }

    private func unknownRequest(_ writer: HTTPResponseWriter) {
        writer.closeConnection()
        let failure = FunctionError(errorType: "InvalidRequestID", message: "Invalid request ID")
        try? writer.respond(status: 404, json: failure.json)
    }

    /// A request from a process the host has already written off.
    private func gone(_ writer: HTTPResponseWriter) {
        writer.closeConnection()
        try? writer.respond(status: 410, json: #"{"errorMessage":"environment stopped","errorType":"Runtime.Stopped"}"#)
    }

    static func trailerFailure(_ trailers: HTTPFields) -> FunctionError? {
        guard let errorType = trailers["Lambda-Runtime-Function-Error-Type"] else { return nil }
        if let encoded = trailers["Lambda-Runtime-Function-Error-Body"], let body = Data(base64Encoded: encoded) {
            return FunctionError(errorType: errorType, payload: [UInt8](body))
        }
        return FunctionError(errorType: errorType, message: "the function failed while streaming its response")
    }

    /// An X-Ray trace header for an invocation that arrived without one.
    static func traceID() -> String {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text.suffix(digits)
        }
        let seconds = UInt64(Date.now.timeIntervalSince1970)
        let random = hex(UInt64.random(in: 0...UInt64.max), 16) + hex(UInt64.random(in: 0...UInt64(UInt32.max)), 8)
        return "Root=1-\(hex(seconds, 8))-\(random);Parent=\(hex(UInt64.random(in: 0...UInt64.max), 16));Sampled=0"
    }
}

extension FunctionError {
    var json: String { String(decoding: payload, as: UTF8.self) }
}
