import Foundation
import HTTPServer
import HTTPWire

/// Forwards one invocation to an agent process and relays its answer without
/// buffering: each body chunk the agent writes goes to the client as it comes.
struct AgentProxy {
    static let sessionHeader = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"

    /// What happened, for the caller's bookkeeping.
    enum Outcome: Equatable {
        case relayed(status: Int)
        /// The agent closed the connection mid-answer; the client's stream was cut too.
        case cutShort
    }

    static func forward(body: [UInt8], sessionID: String, accept: String?, to agent: AgentProcess,
                        writer: HTTPResponseWriter) throws -> Outcome {
        let socket = try TCPSocket.connect(host: "127.0.0.1", port: agent.port)
        defer { socket.close() }
        var fields: HTTPFields = ["Host": "127.0.0.1:\(agent.port)", "Content-Type": "application/json",
                                  "Content-Length": String(body.count), "Connection": "close"]
        fields.set(sessionHeader, sessionID)
        if let accept { fields.set("Accept", accept) }
        try socket.send(HTTPSerializer.request(HTTPRequestHead(method: "POST", target: "/invocations", fields: fields)) + body)

        let reader = HTTPReader(source: socket)
        guard let headBytes = try reader.readHead(limit: 64 * 1024) else { throw HTTPWireError.connectionClosed }
        let head = try HTTPHeadParser.parseResponse(headBytes)
        let framing = try HTTPBodyReader.framing(of: head.fields)
        let agentBody = HTTPBodyReader(reader: reader, framing: framing)

        guard (200..<300).contains(head.status) else {
            _ = try? agentBody.readAll(limit: 1 << 20)
            try AWSErrorResponse.send(status: 424, code: "RuntimeClientError",
                                      message: "The agent answered HTTP \(head.status).", writer: writer)
            return .relayed(status: 424)
        }
        var headers: HTTPFields = ["Content-Type": head.fields["Content-Type"] ?? "application/json"]
        headers.set(sessionHeader, sessionID)
        if case .length = framing {
            let whole = try agentBody.readAll(limit: 32 << 20)
            try writer.respond(status: 200, headers: headers, body: whole)
            return .relayed(status: 200)
        }
        try writer.startStream(status: 200, headers: headers)
        do {
            while let chunk = try agentBody.next() {
                try writer.writeChunk(chunk)
            }
        } catch {
            // Leave the response unfinished: the server closes the connection, so
            // the client sees a truncated stream, as with a real runtime failure.
            writer.closeConnection()
            return .cutShort
        }
        try writer.finishStream()
        return .relayed(status: 200)
    }
}
