import FoundationEssentials
import Testing
import PlatformAPI
@testable import BFF

@Suite struct SessionKeepaliveRequestTests {
    func parse(_ json: String?) throws(BFFError) -> SessionKeepaliveRequest {
        try SessionKeepaliveRequest.parse(ProxyEvent.post("/v1/bff/session-keepalive", body: json))
    }

    @Test func acceptsTheSchema() throws {
        let id = String(repeating: "a", count: 33)
        #expect(try parse(#"{"sessionId":"\#(id)","agentName":"echo-agent"}"#) == .init(sessionID: id, agentName: "echo-agent"))
    }

    @Test func listsEveryPatternProblem() {
        #expect {
            try parse(#"{"sessionId":"short","agentName":"Echo"}"#)
        } throws: { error in
            (error as! BFFError).details.map(\.field) == ["sessionId", "agentName"]
        }
    }

    @Test func unknownFieldsAndWrongTypesAreInvalid() {
        #expect {
            try parse(#"{"sessionId":"x","agentName":"echo-agent","extra":1}"#)
        } throws: { error in
            (error as! BFFError).details == [.init(field: "extra", message: "is not a field of this request")]
        }
        #expect {
            try parse(#"{"sessionId":5,"agentName":"echo-agent"}"#)
        } throws: { error in
            (error as! BFFError).details == [.init(field: "sessionId", message: "must be a string")]
        }
    }

    @Test(arguments: [nil, "", "[]", "not json", "\"text\""])
    func nonObjectBodiesAreInvalid(body: String?) {
        #expect { try parse(body) } throws: { ($0 as! BFFError).code == .invalidRequest }
    }

    @Test func sessionIDAndAgentNameRules() {
        #expect(SessionKeepaliveRequest.isSessionID(String(repeating: "A", count: 256)))
        #expect(!SessionKeepaliveRequest.isSessionID(String(repeating: "A", count: 257)))
        #expect(!SessionKeepaliveRequest.isSessionID("-" + String(repeating: "a", count: 40)))
        #expect(!SessionKeepaliveRequest.isSessionID(String(repeating: "a", count: 40) + "/"))
        #expect(SessionKeepaliveRequest.isAgentName("a"))
        #expect(!SessionKeepaliveRequest.isAgentName("1agent"))
        #expect(!SessionKeepaliveRequest.isAgentName(String(repeating: "a", count: 65)))
    }
}
