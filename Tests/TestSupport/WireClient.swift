import HTTPWire

/// A raw loopback HTTP/1.1 client for tests: sends bytes as given, reads replies.
package final class WireClient {
    package struct Reply {
        package var head: HTTPResponseHead
        package var body: [UInt8]
        package var trailers: HTTPFields
        package var text: String { String(decoding: body, as: UTF8.self) }
    }

    package let socket: TCPSocket
    package let reader: HTTPReader

    package init(port: Int) throws {
        socket = try TCPSocket.connect(host: "127.0.0.1", port: port)
        reader = HTTPReader(source: socket)
    }

    package func send(_ text: String) throws { try socket.send(Array(text.utf8)) }

    package func readHead() throws -> HTTPResponseHead {
        guard let bytes = try reader.readHead(limit: 65_536) else { throw HTTPWireError.connectionClosed }
        return try HTTPHeadParser.parseResponse(bytes)
    }

    package func body(for head: HTTPResponseHead) throws -> HTTPBodyReader {
        let framing: HTTPBodyReader.Framing = head.fields["Transfer-Encoding"] == "chunked"
            ? .chunked : .length(Int(head.fields["Content-Length"] ?? "0") ?? 0)
        return HTTPBodyReader(reader: reader, framing: framing)
    }

    package func readReply() throws -> Reply {
        let head = try readHead()
        let body = try body(for: head)
        let bytes = try body.readAll(limit: 64 << 20)
        return Reply(head: head, body: bytes, trailers: body.trailers)
    }

    package func request(_ method: String, _ path: String, body: String = "", headers: String = "") throws -> Reply {
        try send("\(method) \(path) HTTP/1.1\r\nHost: t\r\n\(headers)Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        return try readReply()
    }
}
