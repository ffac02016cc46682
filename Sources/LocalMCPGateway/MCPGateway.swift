import FoundationEssentials
import LambdaEvents
import LocalGateway
import PlatformJSON

/// A local AgentCore Gateway (ADR 0041): MCP over streamable HTTP on one
/// endpoint, JSON answers only. Every request is authenticated like the
/// Gateway's custom JWT authoriser, then passes the REQUEST interceptor Lambda;
/// a deny goes back as the interceptor wrote it; an allowed request is served
/// (`initialize`, `ping`, `tools/list` from the tools table, `tools/call` to the
/// target Lambda with the interceptor's headers) and its answer passes the
/// RESPONSE interceptor before the caller sees it.
public struct MCPGateway: Sendable {
    /// Checks the caller's bearer token (issuer, audience, signature, expiry); throws to refuse.
    public typealias Authenticate = @Sendable (String) async throws -> Void

    public static let protocolVersion = "2025-06-18"
    public static let path = "/mcp"

    let authenticate: Authenticate
    let catalog: any ToolCatalog
    let invoker: any FunctionInvoker
    let requestInterceptor: String
    let responseInterceptor: String
    let newSessionID: @Sendable () -> String
    let log: @Sendable (String) -> Void
    let parser = JSONParser()

    public init(
        authenticate: @escaping Authenticate, catalog: any ToolCatalog, invoker: any FunctionInvoker,
        requestInterceptor: String = "request-interceptor", responseInterceptor: String = "response-interceptor",
        newSessionID: @escaping @Sendable () -> String = { UUID().uuidString },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.authenticate = authenticate
        self.catalog = catalog
        self.invoker = invoker
        self.requestInterceptor = requestInterceptor
        self.responseInterceptor = responseInterceptor
        self.newSessionID = newSessionID
        self.log = log
    }

    /// Serves one POST to the MCP endpoint.
    public func handle(headers incoming: [(String, String)], body: [UInt8]) async -> MCPGatewayResponse {
        let headers = GatewayHeaders(incoming)
        let document = try? parser.parse(body)
        let id = document?["id"].flatMap(Self.usableID)

        // Inbound authorisation: the Gateway refuses before any interceptor runs.
        let bearer = headers.values(for: "Authorization")
        guard bearer.count == 1, bearer[0].hasPrefix("Bearer ") else {
            return error(401, JSONRPCError(code: JSONRPCError.unauthorised, message: "Unauthorized"), id: id, outcome: "no bearer token")
        }
        do {
            try await authenticate(String(bearer[0].dropFirst("Bearer ".count)))
        } catch {
            return self.error(401, JSONRPCError(code: JSONRPCError.unauthorised, message: "Unauthorized"), id: id,
                              outcome: "bearer token refused")
        }

        // The interceptor sees the body as JSON when it is JSON, else as the text sent.
        let eventBody: JSONValue = document ?? .string(String(decoding: body, as: UTF8.self))
        let gatewayRequest: JSONValue = .object([
            "path": .string(Self.path), "httpMethod": "POST", "headers": headers.json, "body": eventBody,
        ])
        let requestEvent: JSONValue = .object([
            "interceptorInputVersion": "1.0", "mcp": .object(["gatewayRequest": gatewayRequest]),
        ])
        guard let requestOutput = await interceptor(requestInterceptor, requestEvent) else {
            return error(500, JSONRPCError(code: JSONRPCError.internalError, message: "Request interceptor failed"), id: id,
                         outcome: "request interceptor failed")
        }
        if let deny = requestOutput["transformedGatewayResponse"] {
            // A deny goes back exactly as the interceptor wrote it; nothing is forwarded.
            log("mcp: request interceptor denied")
            return Self.response(from: deny) ?? error(500, JSONRPCError(code: JSONRPCError.internalError, message: "Request interceptor failed"), id: id, outcome: "unreadable deny")
        }
        guard case .object(let transformed)? = requestOutput["transformedGatewayRequest"],
              let forwardedHeaders = transformed["headers"]?.objectValue.flatMap(GatewayHeaders.init(json:)),
              let forwardedBody = transformed["body"].flatMap({ Self.document(of: $0, parser: parser) })
        else {
            return error(500, JSONRPCError(code: JSONRPCError.internalError, message: "Request interceptor failed"), id: id,
                         outcome: "request interceptor output unreadable")
        }

        let served = await serve(forwardedBody, headers: forwardedHeaders)
        guard let servedBody = served.body else {
            // A notification: 202 with no body, nothing for the response interceptor to read.
            return MCPGatewayResponse(statusCode: served.statusCode, headers: served.headers, body: [])
        }
        let responseEvent: JSONValue = .object([
            "interceptorInputVersion": "1.0",
            "mcp": .object([
                "gatewayRequest": gatewayRequest,
                "gatewayResponse": .object([
                    "statusCode": .number(JSONNumber(served.statusCode)),
                    "headers": GatewayHeaders(served.headers).json, "body": servedBody,
                ]),
            ]),
        ])
        guard let responseOutput = await interceptor(responseInterceptor, responseEvent),
              let answer = responseOutput["transformedGatewayResponse"].flatMap(Self.response(from:))
        else {
            return error(500, JSONRPCError(code: JSONRPCError.internalError, message: "Response interceptor failed"), id: id,
                         outcome: "response interceptor failed")
        }
        log("mcp: answered \(answer.statusCode)")
        return answer
    }

    /// The gateway's own answer to an allowed request, before the response interceptor.
    private func serve(_ request: JSONValue, headers: GatewayHeaders) async -> (statusCode: Int, headers: [(String, String)], body: JSONValue?) {
        var responseHeaders: [(String, String)] = [("Content-Type", "application/json")]
        let session = headers.single("Mcp-Session-Id")
        guard case .object(let message) = request, message["jsonrpc"] == .string("2.0"),
              case .string(let method)? = message["method"] else {
            return (400, responseHeaders, JSONRPCError(code: JSONRPCError.invalidRequest, message: "Invalid Request")
                .document(id: request["id"].flatMap(Self.usableID)))
        }
        guard let id = message["id"].flatMap(Self.usableID) else {
            // Notifications (no id) are accepted without an answer.
            return (202, [], nil)
        }
        if let session { responseHeaders.append(("Mcp-Session-Id", session)) }
        func result(_ value: JSONValue) -> JSONValue { .object(["jsonrpc": "2.0", "id": id, "result": value]) }
        func failure(_ status: Int, _ code: Int, _ message: String) -> (Int, [(String, String)], JSONValue?) {
            (status, responseHeaders, JSONRPCError(code: code, message: message).document(id: id))
        }
        switch method {
        case "initialize":
            if session == nil { responseHeaders.append(("Mcp-Session-Id", newSessionID())) }
            return (200, responseHeaders, result([
                "protocolVersion": .string(Self.protocolVersion),
                "capabilities": ["tools": ["listChanged": false]],
                "serverInfo": ["name": "local-agentcore-gateway", "version": "1.0"],
            ]))
        case "ping":
            return (200, responseHeaders, result(.object(JSONObject())))
        case "tools/list":
            guard let targets = try? await catalog.targets() else {
                return failure(500, JSONRPCError.internalError, "Tool catalog unavailable")
            }
            return (200, responseHeaders, result(["tools": .array(targets.map(\.listing))]))
        case "tools/call":
            guard case .string(let name)? = message["params"]?["name"] else {
                return failure(400, JSONRPCError.invalidParams, "Invalid params")
            }
            let arguments: JSONObject
            switch message["params"]?["arguments"] {
            case nil, .null?: arguments = JSONObject()
            case .object(let value)?: arguments = value
            default: return failure(400, JSONRPCError.invalidParams, "Invalid params")
            }
            guard let targets = try? await catalog.targets() else {
                return failure(500, JSONRPCError.internalError, "Tool catalog unavailable")
            }
            guard let target = targets.first(where: { $0.name == name }) else {
                return failure(404, JSONRPCError.invalidParams, "Unknown tool")
            }
            let event: JSONValue = .object([
                "toolName": .string(name), "arguments": .object(arguments), "headers": headers.json,
            ])
            guard let answer = await invoker.answer(function: target.functionName, payload: event.serialized()) else {
                return failure(502, JSONRPCError.internalError, "Tool invocation failed")
            }
            guard let toolResult = try? parser.parse(answer), case .array? = toolResult["content"] else {
                return failure(502, JSONRPCError.internalError, "Tool returned an invalid result")
            }
            return (200, responseHeaders, result(toolResult))
        default:
            return failure(400, JSONRPCError.methodNotFound, "Method not found")
        }
    }

    /// Invokes an interceptor; `nil` on any failure or an answer that is not a JSON object.
    private func interceptor(_ function: String, _ event: JSONValue) async -> JSONValue? {
        guard let bytes = await invoker.answer(function: function, payload: event.serialized()),
              let output = try? parser.parse(bytes), case .object = output,
              output["interceptorOutputVersion"] == .string("1.0") else { return nil }
        return output["mcp"]
    }

    private func error(_ status: Int, _ error: JSONRPCError, id: JSONValue?, outcome: String) -> MCPGatewayResponse {
        log("mcp: \(outcome)")
        return MCPGatewayResponse(statusCode: status, headers: [("Content-Type", "application/json")],
                                  body: error.document(id: id).serialized())
    }

    /// An HTTP answer from an interceptor's `transformedGatewayResponse`.
    static func response(from value: JSONValue) -> MCPGatewayResponse? {
        guard case .number(let status)? = value["statusCode"], let code = status.intValue, (100...599).contains(code) else {
            return nil
        }
        var headers: [(String, String)] = []
        if case .object(let object)? = value["headers"], let fields = GatewayHeaders(json: object) {
            headers = fields.fields.filter { $0.name.lowercased() != "content-length" }.map { ($0.name, $0.value) }
        }
        if !headers.contains(where: { $0.0.lowercased() == "content-type" }) { headers.append(("Content-Type", "application/json")) }
        let body: [UInt8]
        switch value["body"] {
        case nil, .null?: body = []
        case .string(let text)?: body = Array(text.utf8)
        case let document?: body = document.serialized()
        }
        return MCPGatewayResponse(statusCode: code, headers: headers, body: body)
    }

    /// A body as an interceptor writes it: inline JSON or JSON in a string.
    static func document(of value: JSONValue, parser: JSONParser) -> JSONValue? {
        if case .string(let text) = value { return try? parser.parse(text) }
        return value
    }

    /// JSON-RPC ids are strings or numbers; anything else is not echoed back.
    static func usableID(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string, .number: value
        default: nil
        }
    }
}
