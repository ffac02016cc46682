import HTTPWire
import Testing

@Suite struct HTTPBodyReaderTests {
    @Test func decodesChunksWithExtensionsAndTrailersAcrossSmallReads() throws {
        let reader = HTTPReader(source: MemorySource("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Error: none\r\nX-B: 2\r\n\r\nNEXT", step: 2))
        let body = HTTPBodyReader(reader: reader, framing: .chunked)
        #expect(String(decoding: try body.readAll(limit: 100), as: UTF8.self) == "hello world")
        #expect(body.trailers["x-error"] == "none")
        #expect(body.trailers["X-B"] == "2")
        #expect(body.isComplete)
        #expect(try reader.readExactly(4) == Array("NEXT".utf8))
    }

    @Test func readsContentLengthBodies() throws {
        let reader = HTTPReader(source: MemorySource("abcdefGET"))
        #expect(try HTTPBodyReader(reader: reader, framing: .length(6)).readAll(limit: 6) == Array("abcdef".utf8))
        #expect(try reader.readExactly(3) == Array("GET".utf8))
    }

    @Test func enforcesTheBodyLimit() {
        let reader = HTTPReader(source: MemorySource("a\r\n0123456789\r\n0\r\n\r\n"))
        #expect(throws: HTTPWireError.bodyTooLarge) {
            try HTTPBodyReader(reader: reader, framing: .chunked).readAll(limit: 5)
        }
    }

    @Test(arguments: ["zz\r\n", "5\r\nhelloXX", "\r\n", "1234567890abcdef0\r\n"])
    func rejectsBadChunking(_ text: String) {
        let reader = HTTPReader(source: MemorySource(text))
        #expect(throws: HTTPWireError.self) { try HTTPBodyReader(reader: reader, framing: .chunked).readAll(limit: 100) }
    }

    @Test func reportsATruncatedBody() {
        let reader = HTTPReader(source: MemorySource("abc"))
        #expect(throws: HTTPWireError.connectionClosed) {
            try HTTPBodyReader(reader: reader, framing: .length(10)).readAll(limit: 100)
        }
    }

    @Test func framingComesFromTheHeaders() throws {
        #expect(try HTTPBodyReader.framing(of: ["Transfer-Encoding": "chunked"]) == .chunked)
        #expect(try HTTPBodyReader.framing(of: ["Content-Length": "12"]) == .length(12))
        #expect(try HTTPBodyReader.framing(of: [:]) == .length(0))
        #expect(throws: HTTPWireError.self) { try HTTPBodyReader.framing(of: ["Content-Length": "-1"]) }
        #expect(throws: HTTPWireError.self) { try HTTPBodyReader.framing(of: ["Content-Length": "1, 1"]) }
        #expect(throws: HTTPWireError.self) { try HTTPBodyReader.framing(of: ["Transfer-Encoding": "gzip"]) }
        #expect(throws: HTTPWireError.self) {
            try HTTPBodyReader.framing(of: ["Transfer-Encoding": "chunked", "Content-Length": "3"])
        }
    }

    @Test func headsLongerThanTheLimitAreRefused() {
        let reader = HTTPReader(source: MemorySource("GET / HTTP/1.1\r\nA: " + String(repeating: "x", count: 200) + "\r\n\r\n", step: 50))
        #expect(throws: HTTPWireError.headTooLarge) { try reader.readHead(limit: 100) }
    }

    @Test func encodesChunksAndTrailers() {
        #expect(ChunkedEncoding.chunk(Array("hello world!!!!!".utf8)) == Array("10\r\nhello world!!!!!\r\n".utf8))
        #expect(ChunkedEncoding.chunk([UInt8]()) == [])
        #expect(ChunkedEncoding.end(trailers: ["A": "1"]) == Array("0\r\nA: 1\r\n\r\n".utf8))
        #expect(ChunkedEncoding.end() == Array("0\r\n\r\n".utf8))
    }
}
