import Foundation
import PlatformJSON
import Testing

/// Events no Gateway should send still get a JSON-RPC error from both bootstraps, never a pass-through.
@Suite struct BadInputIntegrationTests {
    static let functions = ["request-interceptor", "response-interceptor"]

    /// The answer is a deny: a 400 / -32600 JSON-RPC error and nothing forwarded.
    func expectMalformedAnswer(_ output: [UInt8], from function: String, id: JSONValue = .null) throws {
        let document = try JSONParser().parse(output)
        let response = try #require(document["mcp"]?["transformedGatewayResponse"], "\(function)")
        #expect(response["statusCode"] == 400, "\(function)")
        #expect(response["body"] == ["jsonrpc": "2.0", "id": id, "error": ["code": -32600, "message": "Invalid request"]],
                "\(function)")
        if let request = document["mcp"]?["transformedGatewayRequest"] {
            #expect(request == ["headers": .object(JSONObject()), "body": .object(JSONObject())], "\(function)")
        }
        #expect(response["headers"] == nil)
    }

    @Test func answersBadEventsWithAJSONRPCError() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "premium")
        let values = ["USER_TOKEN": token, "SESSION_ID": "sess-bad"]
        let missingMCP = try Fixture.event("request-missing-mcp.json", values)
        let bodyNotJSON = try Fixture.event("request-body-not-json.json", values)
        let notJSON = Array("<html><body>502 Bad Gateway</body></html>".utf8)
        let truncated = Array(try Fixture.event("request-tools-call.json", values.merging(["TOOL_NAME": "crm-lookup"]) { $1 }).dropLast(40))
        for function in Self.functions {
            for event in [missingMCP, bodyNotJSON, notJSON, truncated, []] {
                try expectMalformedAnswer(try await stack.invoke(function, event), from: function)
            }
        }
    }

    @Test func answersAGiantPayloadWithAJSONRPCError() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "premium")
        // 1.5 MB of arguments: over the 1 MB document limit, under Lambda's 6 MB payload limit.
        let giant = try Fixture.text("request-tools-call.json", ["USER_TOKEN": token, "SESSION_ID": "sess-giant", "TOOL_NAME": "crm-lookup"])
            .replacingOccurrences(of: #""customerId": "C-1001""#, with: #""blob": ""# + String(repeating: "x", count: 1_500_000) + "\"")
        #expect(giant.utf8.count > 1_500_000)
        let response = try Fixture.text("response-tools-call-clean.json", ["USER_TOKEN": token, "SESSION_ID": "sess-giant"])
            .replacingOccurrences(of: "Usage for 2026-11", with: String(repeating: "y", count: 1_500_000))
        #expect(response.utf8.count > 1_500_000)
        for (function, event) in [("request-interceptor", giant), ("response-interceptor", response)] {
            let output = try await stack.invoke(function, Array(event.utf8))
            try expectMalformedAnswer(output, from: function)
            #expect(output.count < 2_000, "\(function) answered with the error alone, not the payload")
        }
        #expect(try await stack.idempotencyRecords().isEmpty)
    }
}
