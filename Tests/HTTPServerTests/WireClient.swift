import HTTPWire

/// A raw loopback HTTP/1.1 client for tests: sends bytes as given, reads replies.
final class WireClient {
    struct Reply {
        var head: HTTPResponseHead
        var body: [UInt8]
        var trailers: HTTPFields
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let socket: TCPSocket
    let reader: HTTPReader

    init(port: Int) throws {
        socket = try TCPSocket.connect(host: "127.0.0.1", port: port)
        reader = HTTPReader(source: socket)
    }

    func send(_ text: String) throws { try socket.send(Array(text.utf8)) }

    func readHead() throws -> HTTPResponseHead {
        guard let bytes = try reader.readHead(limit: 65_536) else { throw HTTPWireError.connectionClosed }
        return try HTTPHeadParser.parseResponse(bytes)
    }

    func body(for head: HTTPResponseHead) throws -> HTTPBodyReader {
        let framing: HTTPBodyReader.Framing = head.fields["Transfer-Encoding"] == "chunked"
            ? .chunked : .length(Int(head.fields["Content-Length"] ?? "0") ?? 0)
        return HTTPBodyReader(reader: reader, framing: framing)
    }

    func readReply() throws -> Reply {
        let head = try readHead()
        let body = try body(for: head)
        let bytes = try body.readAll(limit: 64 << 20)
        return Reply(head: head, body: bytes, trailers: body.trailers)
    }

    func request(_ method: String, _ path: String, body: String = "", headers: String = "") throws -> Reply {
        try send("\(method) \(path) HTTP/1.1\r\nHost: t\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        return try readReply()
    }
}
