import PlatformJSON
/// The event an AgentCore Gateway interceptor Lambda receives:
/// `{"interceptorInputVersion":"1.0","mcp":{"gatewayRequest":{...},"gatewayResponse":{...}}}`
/// (`gatewayResponse` only for RESPONSE interceptors).
public struct GatewayInterceptorInput: Sendable, Equatable {
    public var inputVersion: String?
    public var request: GatewayHTTPRequest
    public var response: GatewayHTTPResponse?

    public init(inputVersion: String? = "1.0", request: GatewayHTTPRequest, response: GatewayHTTPResponse? = nil) {
        self.inputVersion = inputVersion
        self.request = request
        self.response = response
    }

    private static let requestBodyPath = ["mcp", "gatewayRequest", "body"]
    private static let responseBodyPath = ["mcp", "gatewayResponse", "body"]

    /// Reads an event; the limits apply to the event and again to a body sent as a string.
    public init(event: [UInt8], parser: JSONParser) throws(GatewayEventError) {
        let parsed: (value: JSONValue, spans: [[String]: Range<Int>])
        do {
            parsed = try parser.parse(event, recordingSpansAt: [Self.requestBodyPath, Self.responseBodyPath])
        } catch {
            throw .eventNotJSON(error)
        }
        guard let mcp = parsed.value["mcp"]?.objectValue else { throw .invalidField("mcp") }
        inputVersion = parsed.value["interceptorInputVersion"]?.stringValue
        guard let request = mcp["gatewayRequest"]?.objectValue else { throw .invalidField("mcp.gatewayRequest") }

        func body(_ object: JSONObject, path: [String]) throws(GatewayEventError) -> GatewayBody? {
            guard let value = object["body"], value != .null, let span = parsed.spans[path] else { return nil }
            return try GatewayBody(eventValue: value, encoded: Array(event[span]), parser: parser)
        }
        func headers(_ object: JSONObject, field: String) throws(GatewayEventError) -> GatewayHeaders? {
            guard let value = object["headers"], value != .null else { return nil }
            guard let json = value.objectValue, let headers = GatewayHeaders(json: json) else {
                throw .invalidField("\(field).headers")
            }
            return headers
        }
        func optionalString(_ object: JSONObject, _ key: String, field: String) throws(GatewayEventError) -> String? {
            guard let value = object[key], value != .null else { return nil }
            guard let string = value.stringValue else { throw .invalidField("\(field).\(key)") }
            return string
        }

        self.request = GatewayHTTPRequest(
            path: try optionalString(request, "path", field: "mcp.gatewayRequest"),
            httpMethod: try optionalString(request, "httpMethod", field: "mcp.gatewayRequest"),
            headers: try headers(request, field: "mcp.gatewayRequest") ?? GatewayHeaders(),
            body: try body(request, path: Self.requestBodyPath)
        )
        if let responseValue = mcp["gatewayResponse"], responseValue != .null {
            guard let response = responseValue.objectValue else { throw .invalidField("mcp.gatewayResponse") }
            guard case .number(let number) = response["statusCode"], let status = number.intValue,
                (100...599).contains(status)
            else { throw .invalidField("mcp.gatewayResponse.statusCode") }
            self.response = GatewayHTTPResponse(
                statusCode: status,
                headers: try headers(response, field: "mcp.gatewayResponse"),
                body: try body(response, path: Self.responseBodyPath)
            )
        } else {
            self.response = nil
        }
    }
}
