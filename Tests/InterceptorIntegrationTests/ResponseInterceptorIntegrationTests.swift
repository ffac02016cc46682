import AWSCore
import Foundation
import PlatformJSON
import Testing

/// The real `response-interceptor` bootstrap, invoked with recorded Gateway events.
@Suite struct ResponseInterceptorIntegrationTests {
    static let bodyPath = ["mcp", "transformedGatewayResponse", "body"]

    /// The names in a `tools/list` answer's `result.tools`.
    func toolNames(_ output: [UInt8]) throws -> [String] {
        let document = try JSONParser().parse(output)
        #expect(document["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 200)
        let tools = try #require(document["mcp"]?["transformedGatewayResponse"]?["body"]?["result"]?["tools"]?.arrayValue)
        return tools.compactMap { $0["name"]?.stringValue }
    }

    @Test func filtersToolsListToTheCallersTier() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let expected: [(tier: String?, tools: [String])] = [
            ("basic", ["crm-lookup"]),
            (nil, ["crm-lookup"]),  // no tier claim counts as basic
            ("standard", ["crm-lookup", "report-builder"]),
            ("premium", ["crm-lookup", "report-builder", "payments-refund"]),
        ]
        for (tier, tools) in expected {
            let token = try await stack.userToken(tier: tier)
            let event = try Fixture.event("response-tools-list.json", ["USER_TOKEN": token, "SESSION_ID": "sess-list"])
            let output = try await stack.invoke("response-interceptor", event)
            #expect(try toolNames(output) == tools, "tier \(tier ?? "absent")")
            let headers = try JSONParser().parse(output)["mcp"]?["transformedGatewayResponse"]?["headers"]
            #expect(headers?["Content-Length"] == nil, "a changed body drops its stale Content-Length")
            #expect(headers?["Content-Type"] == "application/json")
        }
        // The tenant's own row (crm-lookup disabled) hides the global one.
        let other = try await stack.userToken(tier: "premium", tenant: stack.otherTenant)
        let event = try Fixture.event("response-tools-list.json", ["USER_TOKEN": other, "SESSION_ID": "sess-list"])
        #expect(try toolNames(try await stack.invoke("response-interceptor", event)) == ["report-builder", "payments-refund"])
    }

    @Test func filtersToolsListByTheTenantRowNotTheTokensClaim() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let inflated = try await stack.userToken(tier: "premium", tenant: stack.tenantsByTier[.basic])
        let event = try Fixture.event("response-tools-list.json", ["USER_TOKEN": inflated, "SESSION_ID": "sess-list"])
        #expect(try toolNames(try await stack.invoke("response-interceptor", event)) == ["crm-lookup"])

        let suspended = try await stack.userToken(tier: "premium", tenant: stack.suspendedTenant)
        let refused = try Fixture.event("response-tools-list.json", ["USER_TOKEN": suspended, "SESSION_ID": "sess-list"])
        let output = try await stack.invoke("response-interceptor", refused)
        let response = try JSONParser().parse(output)["mcp"]?["transformedGatewayResponse"]
        #expect(response?["statusCode"] == 403)
        #expect(response?["body"]?["error"]?["code"] == -32003)
        #expect(!String(decoding: output, as: UTF8.self).contains("crm-lookup"), "no tool list leaves for a suspended tenant")
    }

    @Test func refusesTheAnswerOfAMethodItDoesNotKnow() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "basic")
        let text = try Fixture.text("response-tools-call-pii.json", ["USER_TOKEN": token, "SESSION_ID": "sess-u"])
        let event = Array(text.replacingOccurrences(of: "\"tools/call\"", with: "\"x-vendor/dump\"").utf8)
        let output = try await stack.invoke("response-interceptor", event)
        let response = try JSONParser().parse(output)["mcp"]?["transformedGatewayResponse"]
        #expect(response == [
            "statusCode": 400, "body": ["jsonrpc": "2.0", "id": "call-9", "error": ["code": -32601, "message": "Method not found"]],
        ])
        #expect(!String(decoding: output, as: UTF8.self).contains("example.co.uk"))
    }

    @Test func addsTheSSMPatternsToTheBuiltIns() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let ssm = SSMClient(client: try stack.aws.client(.ssm))
        try await ssm.putParameter(stack.piiPatternsParameter, value: #"["C-[0-9]{4}"]"#)
        let token = try await stack.userToken(tier: "basic")
        let event = try Fixture.event("response-tools-call-pii.json", ["USER_TOKEN": token, "SESSION_ID": "sess-ssm"])
        let output = try await stack.invoke("response-interceptor", event)
        let body = try JSONParser().parse(output)["mcp"]?["transformedGatewayResponse"]?["body"]
        #expect(body?["result"]?["content"]?.arrayValue?.first?["text"]
            == "Customer [REDACTED]: Jane Doe <[REDACTED]>, NI [REDACTED]", "the SSM pattern and the built-ins")
    }

    @Test func refusesToolsListForAnExpiredToken() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "premium", expired: true)
        let event = try Fixture.event("response-tools-list.json", ["USER_TOKEN": token, "SESSION_ID": "sess-list"])
        let response = try JSONParser().parse(try await stack.invoke("response-interceptor", event))["mcp"]?["transformedGatewayResponse"]
        #expect(response?["statusCode"] == 401)
        #expect(response?["body"]?["error"]?["code"] == -32001)
        #expect(response?["body"]?["id"] == 3)
        #expect(response?["body"]?["result"] == nil, "no tool list leaves with the error")
    }

    @Test func redactsPersonalDataNestedInArraysAndObjects() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "basic")
        let event = try Fixture.event("response-tools-call-pii.json", ["USER_TOKEN": token, "SESSION_ID": "sess-pii"])
        let output = try await stack.invoke("response-interceptor", event)
        let document = try JSONParser().parse(output)
        let expected = try JSONParser().parse(try Fixture.text("response-tools-call-pii.expected.json"))
        #expect(document["mcp"]?["transformedGatewayResponse"]?["body"] == expected)
        #expect(document["mcp"]?["transformedGatewayResponse"]?["statusCode"] == 200)
        let text = String(decoding: output, as: UTF8.self)
        for personal in ["jane.doe@example.co.uk\"}", "QQ 12 34 56 C", "943 476 5919", "12-34-56", "\"87654321\""] {
            #expect(!text.contains(personal), "\(personal) left the interceptor")
        }
    }

    @Test func passesAPersonalDataFreeResultByteForByte() async throws {
        let stack = try await InterceptorStack()
        defer { stack.stop() }
        let token = try await stack.userToken(tier: "standard")
        let event = try Fixture.event("response-tools-call-clean.json", ["USER_TOKEN": token, "SESSION_ID": "sess-clean"])
        let output = try await stack.invoke("response-interceptor", event)

        let (_, inSpans) = try JSONParser().parse(event, recordingSpansAt: [["mcp", "gatewayResponse", "body"]])
        let (document, outSpans) = try JSONParser().parse(output, recordingSpansAt: [Self.bodyPath])
        let original = try #require(inSpans[["mcp", "gatewayResponse", "body"]])
        let forwarded = try #require(outSpans[Self.bodyPath])
        #expect(Array(output[forwarded]) == Array(event[original]), "whitespace, number spellings and escapes kept")
        #expect(document["mcp"]?["transformedGatewayResponse"]?["headers"]?["Content-Length"] == "259",
                "an unchanged body keeps its Content-Length")
    }
}
