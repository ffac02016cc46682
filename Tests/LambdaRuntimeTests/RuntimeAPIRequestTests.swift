import FoundationEssentials
import HTTPWire
@testable import LambdaRuntime
import Testing

@Suite struct RuntimeAPIRequestTests {
    @Test func nextIsABareGet() {
        let bytes = RuntimeAPIRequest.next.serialized(host: "127.0.0.1:9001")
        #expect(String(decoding: bytes, as: UTF8.self)
            == "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n\r\n")
    }

    @Test func responseCarriesItsLength() {
        let bytes = RuntimeAPIRequest.response(requestID: "id-1", body: Array("{}".utf8)).serialized(host: "h:1")
        #expect(String(decoding: bytes, as: UTF8.self)
            == "POST /2018-06-01/runtime/invocation/id-1/response HTTP/1.1\r\nHost: h:1\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test func errorReportsHaveTypeHeaderAndDocument() {
        let request = RuntimeAPIRequest.error(requestID: "id", LambdaFunctionError(errorType: "A.B", message: "say \"no\""))
        #expect(request.path == "/2018-06-01/runtime/invocation/id/error")
        #expect(request.headers["Lambda-Runtime-Function-Error-Type"] == "A.B")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"errorMessage":"say \"no\"","errorType":"A.B"}"#)
        #expect(RuntimeAPIRequest.initError(LambdaFunctionError(errorType: "I", message: "m")).path == "/2018-06-01/runtime/init/error")
    }

    @Test func streamingHeadAnnouncesModeChunkingAndTrailers() {
        let head = RuntimeAPIRequest.streamingResponse(requestID: "id", httpIntegration: true)
        #expect(head.headers["Lambda-Runtime-Function-Response-Mode"] == "streaming")
        #expect(head.headers["Transfer-Encoding"] == "chunked")
        #expect(head.headers["Trailer"] == "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body")
        #expect(head.headers["Content-Type"] == "application/vnd.awslambda.http-integration-response")
        #expect(!String(decoding: head.serialized(host: "h"), as: UTF8.self).contains("Content-Length"))
        let plain = RuntimeAPIRequest.streamingResponse(requestID: "id", httpIntegration: false)
        #expect(plain.headers["Content-Type"] == "application/octet-stream")
    }

    @Test func errorTrailersCarryBase64OfTheDocument() throws {
        let trailers = RuntimeAPIRequest.errorTrailers(LambdaFunctionError(errorType: "T", message: "m"))
        #expect(trailers["Lambda-Runtime-Function-Error-Type"] == "T")
        let body = try #require(Data(base64Encoded: trailers["Lambda-Runtime-Function-Error-Body"] ?? ""))
        #expect(String(decoding: body, as: UTF8.self) == #"{"errorMessage":"m","errorType":"T"}"#)
    }

    @Test func preludeIsJSONThenEightNULs() {
        let bytes = HTTPIntegrationPrelude.encode(statusCode: 200, headers: ["b": "2", "a": "1"], cookies: ["c=1"])
        let json = #"{"statusCode":200,"headers":{"a":"1","b":"2"},"cookies":["c=1"]}"#
        #expect(bytes == Array(json.utf8) + [0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func runtimeAPIAddressIsHostColonPort() {
        #expect(SocketRuntimeAPITransport(address: "127.0.0.1:9001") != nil)
        #expect(SocketRuntimeAPITransport(address: "127.0.0.1") == nil)
        #expect(SocketRuntimeAPITransport(address: "h:0") == nil)
        #expect(SocketRuntimeAPITransport(address: "") == nil)
    }
}
