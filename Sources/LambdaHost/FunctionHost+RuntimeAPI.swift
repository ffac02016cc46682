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

    /// Answers at once when an invocation is queued; otherwise parks the
    /// request in the slot for the submitting thread to answer.
    private func next(slot index: Int, _ writer: HTTPResponseWriter) {
        enum Outcome { case gone, invocation(Invocation), parked(superseded: DeferredResponse?) }
        var phaseChanged = false
        let outcome = state.withLock { state -> Outcome in
            guard state.slots[index].process != nil, !state.stopped else { return .gone }
            switch state.slots[index].phase {
            case .initialising:
                let duration = Double(monotonicNanoseconds() - state.slots[index].spawnedAt) / 1e6
                state.slots[index].pendingInitDuration = duration
                state.initDurations.append(duration)
                state.slots[index].phase = .ready
                phaseChanged = true
            case .busy:
                // `next` without a result for the current invocation.
                state.slots[index].current?.emit(.failure(FunctionError(
                    errorType: "Runtime.InvalidState", message: "the runtime asked for the next event without a result"
                )))
                state.slots[index].current = nil
                state.slots[index].phase = .ready
                phaseChanged = true
            case .ready, .empty:
                break
            }
            if let invocation = takePending(slot: index, &state) { return .invocation(invocation) }
            // A runtime that reconnected asks again; its earlier request is answered as gone.
            let superseded = state.slots[index].parkedNext
            state.slots[index].parkedNext = writer.deferResponse()
            return .parked(superseded: superseded)
        }
        // Wakes the init-timeout watcher and `recycle`; nothing waits for a plain `next`.
        if phaseChanged { state.broadcast() }
        switch outcome {
        case .gone:
            try? Self.gone(writer)
        case .invocation(let invocation):
            // A failed write means the process died; its reaper reports the invocation.
            try? sendNext(invocation, slot: index, writer)
        case .parked(let superseded):
            superseded?.respond { writer throws(HTTPWireError) in try Self.gone(writer) }
        }
    }

    /// The `next` response carrying `invocation` (on the slot's connection, from any thread).
    func sendNext(_ invocation: Invocation, slot index: Int, _ writer: HTTPResponseWriter) throws(HTTPWireError) {
        log?(ReportLine.start(requestID: invocation.requestID))
        let now = Date.now.timeIntervalSince1970
        let deadline = Int64(now * 1000) + Int64(configuration.timeout * 1000)
        var headers: HTTPFields = [
            "Content-Type": "application/json",
            "Lambda-Runtime-Aws-Request-Id": invocation.requestID,
            "Lambda-Runtime-Deadline-Ms": String(deadline),
            "Lambda-Runtime-Invoked-Function-Arn": functionARN,
            "Lambda-Runtime-Trace-Id": invocation.options.traceID
                ?? identifiers.traceID(epochSeconds: UInt64(now)),
        ]
        if let value = invocation.options.clientContext { headers.add("Lambda-Runtime-Client-Context", value) }
        if let value = invocation.options.cognitoIdentity { headers.add("Lambda-Runtime-Cognito-Identity", value) }
        if let value = invocation.options.tenantID { headers.add("Lambda-Runtime-Aws-Tenant-Id", value) }
        try writer.respond(status: 200, headers: headers, body: invocation.payload)
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
    static func gone(_ writer: HTTPResponseWriter) throws(HTTPWireError) {
        writer.closeConnection()
        try writer.respond(status: 410, json: #"{"errorMessage":"environment stopped","errorType":"Runtime.Stopped"}"#)
    }

    static func trailerFailure(_ trailers: HTTPFields) -> FunctionError? {
        guard let errorType = trailers["Lambda-Runtime-Function-Error-Type"] else { return nil }
        if let encoded = trailers["Lambda-Runtime-Function-Error-Body"], let body = Data(base64Encoded: encoded) {
            return FunctionError(errorType: errorType, payload: [UInt8](body))
        }
        return FunctionError(errorType: errorType, message: "the function failed while streaming its response")
    }
}

extension FunctionError {
    var json: String { String(decoding: payload, as: UTF8.self) }
}
