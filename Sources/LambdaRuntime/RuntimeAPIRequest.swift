import FoundationEssentials
import HTTPWire

/// A Runtime API call as a plain value, built and tested without a socket
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
package struct RuntimeAPIRequest: Sendable, Equatable {
    package var method: String
    package var path: String
    package var headers: HTTPFields
    package var body: [UInt8]

    static let base = "/2018-06-01/runtime"
    static let errorTypeHeader = "Lambda-Runtime-Function-Error-Type"
    static let errorBodyTrailer = "Lambda-Runtime-Function-Error-Body"
    package static let httpIntegrationContentType = "application/vnd.awslambda.http-integration-response"

    package static let next = RuntimeAPIRequest(method: "GET", path: "\(base)/invocation/next", headers: [:], body: [])

    package static func response(requestID: String, body: [UInt8]) -> RuntimeAPIRequest {
        RuntimeAPIRequest(method: "POST", path: "\(base)/invocation/\(requestID)/response", headers: [:], body: body)
    }

    package static func error(requestID: String, _ error: LambdaFunctionError) -> RuntimeAPIRequest {
        RuntimeAPIRequest(
            method: "POST", path: "\(base)/invocation/\(requestID)/error",
            headers: [errorTypeHeader: error.errorType, "Content-Type": "application/json"],
            body: Array(error.document.utf8)
        )
    }

    package static func initError(_ error: LambdaFunctionError) -> RuntimeAPIRequest {
        RuntimeAPIRequest(
            method: "POST", path: "\(base)/init/error",
            headers: [errorTypeHeader: error.errorType, "Content-Type": "application/json"],
            body: Array(error.document.utf8)
        )
    }

    /// The head of a streamed response; chunks and trailers follow.
    package static func streamingResponse(requestID: String, httpIntegration: Bool) -> RuntimeAPIRequest {
        RuntimeAPIRequest(
            method: "POST", path: "\(base)/invocation/\(requestID)/response",
            headers: [
                "Lambda-Runtime-Function-Response-Mode": "streaming",
                "Transfer-Encoding": "chunked",
                "Trailer": "\(errorTypeHeader), \(errorBodyTrailer)",
                "Content-Type": httpIntegration ? httpIntegrationContentType : "application/octet-stream",
            ],
            body: []
        )
    }

    /// Trailers reporting a failure after part of a stream was sent.
    package static func errorTrailers(_ error: LambdaFunctionError) -> HTTPFields {
        [
            errorTypeHeader: error.errorType,
            errorBodyTrailer: Data(error.document.utf8).base64EncodedString(),
        ]
    }

    /// The request's bytes for one `send`; chunked requests carry only the head.
    package func serialized(host: String) -> [UInt8] {
        var fields: HTTPFields = ["Host": host]
        for field in headers { fields.add(field.name, field.value) }
        if headers["Transfer-Encoding"] == nil, method != "GET" || !body.isEmpty {
            fields.add("Content-Length", String(body.count))
        }
        return HTTPSerializer.request(HTTPRequestHead(method: method, target: path, fields: fields), body: body)
    }
}

/// A Runtime API reply.
package struct RuntimeAPIResponse: Sendable, Equatable {
    package var status: Int
    package var headers: HTTPFields
    package var body: [UInt8]

    package init(status: Int, headers: HTTPFields = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
