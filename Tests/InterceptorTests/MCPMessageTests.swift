import InterceptorKit
import PlatformJSON
import Testing

@Suite struct MCPMessageTests {
    func message(method: String) throws -> MCPMessage {
        try MCPMessage(document: ["jsonrpc": "2.0", "id": 1, "method": .string(method)])
    }

    @Test func logsStandardMethodsByName() throws {
        #expect(try message(method: "tools/list").loggedMethod == "tools/list")
        #expect(try message(method: "resources/templates/list").loggedMethod == "resources/templates/list")
    }

    @Test func neverLogsAMethodNameTheCallerMadeUp() throws {
        #expect(try message(method: "tools/list?user=bea@example.com").loggedMethod == "other method")
        #expect(try message(method: "Tools/List").loggedMethod == "other method")
    }
}
