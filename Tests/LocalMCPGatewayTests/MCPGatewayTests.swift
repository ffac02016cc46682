import AWSCore
import Foundation
import LocalGateway
@testable import LocalMCPGateway
import PlatformJSON
import Testing

/// The gateway's own decisions with scripted functions: it fails closed when
/// an interceptor or a tool answers something it cannot use, and forwards only
/// what the request interceptor produced. (The real path is ToolGatewayIntegrationTests.)
@Suite struct MCPGatewayTests {
    /// Answers each function with a fixed payload (or a failure) and records what it was sent.
    final class ScriptedFunctions: FunctionInvoker, @unchecked Sendable {
        let answers: [String: [UInt8]?]
        private let lock = NSLock()
        private(set) var calls: [(function: String, payload: [UInt8])] = []

        init(_ answers: [String: [UInt8]?]) { self.answers = answers }

        func invoke(function: String, payload: [UInt8]) throws(FunctionInvokeError) -> any FunctionResponseSource {
            lock.withLock { calls.append((function, payload)) }
            guard let answer = answers[function] else { throw .functionNotFound(function) }
            return Source(events: answer.map { [.chunk($0), .end] } ?? [.failure(errorType: "Timeout", payload: [])])
        }

        func payloads(of function: String) -> [JSONValue] {
            lock.withLock { calls.filter { $0.function == function }.compactMap { try? JSONParser().parse($0.payload) } }
        }
    }

    final class Source: FunctionResponseSource, @unchecked Sendable {
        private var events: [FunctionResponseEvent]
        init(events: [FunctionResponseEvent]) { self.events = events }
        func next() -> FunctionResponseEvent { events.isEmpty ? .end : events.removeFirst() }
    }

    struct Catalog: ToolCatalog {
        func targets() async throws -> [ToolTarget] {
            [ToolTarget(name: "echo", description: "", inputSchema: ["type": "object"], functionName: "tool-echo")]
        }
    }

    /// A pass that replaces the caller's headers with the interceptor's.
    static let pass = Array(#"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayRequest":{"headers":{"Authorization":"Bearer scoped","x-tenant-id":"acme"},"body":{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}}}}"#.utf8)
    /// A response interceptor that returns what it was given.
    static func echoResponse(statusCode: Int = 200) -> [UInt8] {
        Array(#"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayResponse":{"statusCode":\#(statusCode),"body":{"ok":true}}}}"#.utf8)
    }

    func gateway(_ functions: ScriptedFunctions, authenticate: @escaping MCPGateway.Authenticate = { _ in }) -> MCPGateway {
        MCPGateway(authenticate: authenticate, catalog: Catalog(), invoker: functions)
    }

    func post(_ gateway: MCPGateway, _ body: String = #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo"}}"#) async -> (Int, JSONValue?) {
        let response = await gateway.handle(headers: [("Authorization", "Bearer user")], body: Array(body.utf8))
        return (response.statusCode, try? JSONParser().parse(response.body))
    }

    @Test func theToolGetsTheInterceptorsHeadersAndBodyNotTheCallers() async throws {
        let functions = ScriptedFunctions([
            "request-interceptor": Self.pass, "response-interceptor": Self.echoResponse(),
            "tool-echo": Array(#"{"content":[{"type":"text","text":"hi"}],"isError":false}"#.utf8),
        ])
        let (status, _) = await post(gateway(functions))
        #expect(status == 200)
        let event = try #require(functions.payloads(of: "tool-echo").first)
        #expect(event["headers"] == ["Authorization": "Bearer scoped", "x-tenant-id": "acme"])
        #expect(event["arguments"] == ["text": "hi"], "the arguments the interceptor forwarded, not the caller's")
        let response = try #require(functions.payloads(of: "response-interceptor").first)
        #expect(response["mcp"]?["gatewayRequest"]?["headers"]?["Authorization"] == "Bearer user",
                "the response interceptor sees the caller's request, to check its tier")
        #expect(response["mcp"]?["gatewayResponse"]?["body"]?["result"]?["content"] != nil)
    }

    @Test func aDenyIsReturnedAsWrittenAndNothingIsInvoked() async throws {
        let deny = Array(#"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayRequest":{"headers":{},"body":{}},"transformedGatewayResponse":{"statusCode":403,"body":{"jsonrpc":"2.0","id":3,"error":{"code":-32003,"message":"Tool not allowed for this caller"}}}}}"#.utf8)
        let functions = ScriptedFunctions(["request-interceptor": deny, "response-interceptor": Self.echoResponse(), "tool-echo": []])
        let (status, body) = await post(gateway(functions))
        #expect(status == 403)
        #expect(body?["error"]?["code"] == -32003)
        #expect(functions.payloads(of: "tool-echo").isEmpty && functions.payloads(of: "response-interceptor").isEmpty)
    }

    @Test(arguments: [
        ("an interceptor failure", nil as String?),
        ("not JSON", "<html>"),
        ("another output version", #"{"interceptorOutputVersion":"2.0","mcp":{}}"#),
        ("neither a request nor a response", #"{"interceptorOutputVersion":"1.0","mcp":{}}"#),
    ])
    func anUnusableRequestInterceptorAnswerFailsClosed(_ reason: String, _ answer: String?) async throws {
        let functions = ScriptedFunctions([
            "request-interceptor": answer.map { Array($0.utf8) }, "response-interceptor": Self.echoResponse(), "tool-echo": [],
        ])
        let (status, body) = await post(gateway(functions))
        #expect(status == 500, "\(reason)")
        #expect(body?["id"] == 3)
        #expect(body?["error"]?["code"] == -32603)
        #expect(functions.payloads(of: "tool-echo").isEmpty, "\(reason): nothing forwarded")
    }

    @Test(arguments: [("garbage", "not json" as String?), ("no content", #"{"answer":42}"#), ("a timeout", nil)])
    func aToolAnswerThatIsNotAnMCPResultIsAJSONRPCError(_ reason: String, _ answer: String?) async throws {
        let functions = ScriptedFunctions([
            "request-interceptor": Self.pass,
            "response-interceptor": Array(#"{"interceptorOutputVersion":"1.0","mcp":{"transformedGatewayResponse":{"statusCode":502,"body":{"jsonrpc":"2.0","id":3,"error":{"code":-32603,"message":"x"}}}}}"#.utf8),
            "tool-echo": answer.map { Array($0.utf8) },
        ])
        let (status, _) = await post(gateway(functions))
        #expect(status == 502, "\(reason)")
        let served = try #require(functions.payloads(of: "response-interceptor").first?["mcp"]?["gatewayResponse"])
        #expect(served["statusCode"] == 502)
        #expect(served["body"]?["id"] == 3)
        #expect(served["body"]?["error"]?["code"] == -32603)
        #expect(served["body"]?["result"] == nil, "\(reason): nothing of the answer passes")
    }

    @Test func aRefusedBearerTokenStopsBeforeAnyFunction() async throws {
        struct Refused: Error {}
        let functions = ScriptedFunctions(["request-interceptor": Self.pass])
        let (status, body) = await post(gateway(functions, authenticate: { _ in throw Refused() }))
        #expect(status == 401)
        #expect(body?["id"] == 3)
        #expect(functions.calls.isEmpty)
    }

    @Test func catalogRowsWithoutATargetAreSkipped() {
        func row(_ changes: [String: AttributeValue?]) -> DynamoDBItem {
            var item: DynamoDBItem = [
                "toolName": .s("echo"), "enabled": .bool(true), "description": .s("d"),
                "lambdaArn": .s("arn:aws:lambda:eu-west-2:123456789012:function:tool-echo"), "inputSchema": .s(#"{"type":"object"}"#),
            ]
            for (key, value) in changes { item[key] = value }
            return item
        }
        #expect(DynamoDBToolCatalog.target(from: row([:]))?.functionName == "tool-echo")
        #expect(DynamoDBToolCatalog.target(from: row(["lambdaArn": .s("arn:aws:lambda:eu-west-2:1:function:tool-echo:live")]))?.functionName == "tool-echo")
        for (reason, changes) in [
            ("disabled", ["enabled": .bool(false)]), ("no schema", ["inputSchema": nil]),
            ("schema not an object", ["inputSchema": .s("[]")]), ("schema not JSON", ["inputSchema": .s("{")]),
            ("not a Lambda ARN", ["lambdaArn": .s("arn:aws:sqs:eu-west-2:1:queue")]), ("no function name", ["lambdaArn": .s("arn:aws:lambda:eu-west-2:1:function:")]),
            ("invalid tool name", ["toolName": .s("Bad Name")]),
        ] as [(String, [String: AttributeValue?])] {
            #expect(DynamoDBToolCatalog.target(from: row(changes)) == nil, "\(reason)")
        }
    }
}
