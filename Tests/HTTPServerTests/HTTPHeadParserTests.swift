import HTTPWire
import Testing

@Suite struct HTTPHeadParserTests {
    @Test func parsesRequestLineAndFields() throws {
        let head = try HTTPHeadParser.parseRequest(Array("POST /a/b?x=1 HTTP/1.1\r\nHost: h\r\nX-Thing:  v 1 \r\nx-thing: v2".utf8)[...])
        #expect(head.method == "POST")
        #expect(head.path == "/a/b")
        #expect(head.query == "x=1")
        #expect(head.fields["host"] == "h")
        #expect(head.fields["X-THING"] == "v 1")
        #expect(head.fields.fields.count == 3)
        #expect(head.keepAlive)
    }

    @Test func connectionHeaderDecidesKeepAlive() throws {
        #expect(try !HTTPHeadParser.parseRequest(Array("GET / HTTP/1.1\r\nConnection: close".utf8)[...]).keepAlive)
        #expect(try !HTTPHeadParser.parseRequest(Array("GET / HTTP/1.0".utf8)[...]).keepAlive)
        #expect(try HTTPHeadParser.parseRequest(Array("GET / HTTP/1.0\r\nConnection: Keep-Alive".utf8)[...]).keepAlive)
    }

    @Test(arguments: [
        "GET /", "GET / HTTP/2.0", "GET  / HTTP/1.1", "G(T / HTTP/1.1", "GET nopath HTTP/1.1",
        "GET / HTTP/1.1\r\nNoColon", "GET / HTTP/1.1\r\nBad Name: v", "GET / HTTP/1.1\r\nA: b\r\n folded",
        "GET / HTTP/1.1\nHost: bare-lf", "GET / HTTP/1.1\r\nA: \u{1}", "\r\nGET / HTTP/1.1",
    ])
    func rejectsMalformedRequests(_ text: String) {
        #expect(throws: HTTPWireError.self) { try HTTPHeadParser.parseRequest(Array(text.utf8)[...]) }
    }

    @Test func parsesStatusLine() throws {
        let head = try HTTPHeadParser.parseResponse(Array("HTTP/1.1 202 Accepted\r\nContent-Length: 3".utf8)[...])
        #expect(head.status == 202)
        #expect(head.fields["content-length"] == "3")
        #expect(throws: HTTPWireError.malformed("malformed status line")) {
            try HTTPHeadParser.parseResponse(Array("HTTP/1.1 2x2 OK".utf8)[...])
        }
    }

    @Test(arguments: ["HTTP/1.1 2x2 OK", "HTTP/1.1 +12 OK", "HTTP/2 200 OK", "HTTP/1.1", "HTTP/1.1 2000 OK", "HTTP/1.1 200 OK\rX"])
    func rejectsMalformedStatusLines(_ text: String) {
        #expect(throws: HTTPWireError.self) { try HTTPHeadParser.parseResponse(Array(text.utf8)[...]) }
    }

    @Test func statusLineReasonIsOptionalAndValuesKeepUTF8() throws {
        let head = try HTTPHeadParser.parseResponse(Array("HTTP/1.0 410\r\nX-Name:\tgr\u{fc}\u{df} \t".utf8)[...])
        #expect(head.status == 410)
        #expect(head.fields["x-name"] == "gr\u{fc}\u{df}")
    }

    @Test func parsesTrailerLines() throws {
        let fields = try HTTPHeadParser.parseFields(["A: 1", "B-C:two words "])
        #expect(fields.fields == [.init(name: "A", value: "1"), .init(name: "B-C", value: "two words")])
        #expect(throws: HTTPWireError.malformed("header line without colon")) { try HTTPHeadParser.parseFields(["A 1"]) }
    }

    @Test func serialisesHeads() {
        let request = HTTPSerializer.request(HTTPRequestHead(method: "GET", target: "/n", fields: ["Host": "h:1"]))
        #expect(String(decoding: request, as: UTF8.self) == "GET /n HTTP/1.1\r\nHost: h:1\r\n\r\n")
        let response = HTTPSerializer.response(HTTPResponseHead(status: 404, fields: ["A": "b"]))
        #expect(String(decoding: response, as: UTF8.self) == "HTTP/1.1 404 Not Found\r\nA: b\r\n\r\n")
    }
}
