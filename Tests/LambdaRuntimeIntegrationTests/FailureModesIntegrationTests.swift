import PlatformTestSupport
import FoundationEssentials
import HTTPWire
import LambdaHost
import Testing

@Suite struct FailureModesIntegrationTests {
    @Test func anInitFailureIsReturnedToTheInvocationEachTime() throws {
        let harness = try Harness([Harness.fixture("fx", environment: ["FIXTURE_INIT": "fail"])])
        for _ in 0..<2 {
            let reply = try harness.invoke("fx", #"{"action":"echo"}"#)
            #expect(reply.head.fields["X-Amz-Function-Error"] == "Unhandled")
            #expect(reply.text == #"{"errorMessage":"asked to fail init","errorType":"Fixture.InitFailure"}"#)
        }
        #expect(harness.log.contains { $0.contains("Status: error\tError Type: Fixture.InitFailure") })
    }

    @Test func aProcessThatExitsDuringInitIsAnExitError() throws {
        let harness = try Harness([Harness.fixture("fx", environment: ["FIXTURE_INIT": "exit"])])
        let reply = try harness.invoke("fx", "{}")
        #expect(reply.text.contains("Runtime exited with error: exit status 4"))
    }

    @Test func aBootstrapThatNeverCallsNextIsKilledAfterTheInitTimeout() throws {
        let harness = try Harness([Harness.fixture("fx", environment: ["FIXTURE_INIT": "hang"], initTimeout: 0.5)])
        let start = ContinuousClock.now
        let reply = try harness.invoke("fx", "{}")
        #expect(reply.text.contains(#""errorType":"Runtime.InitTimeout""#))
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func aMissingBootstrapIsReported() throws {
        let harness = try Harness([FunctionConfiguration(name: "ghost", bootstrap: "/nonexistent/bootstrap")])
        let reply = try harness.invoke("ghost", "{}")
        #expect(reply.text.contains(#""errorType":"Runtime.InvalidEntrypoint""#))
    }

    @Test func theRuntimeAPIAnswersGarbageWith400AndUnknownIDsWith404() throws {
        let harness = try Harness([Harness.fixture("fx")])
        let address = try #require(harness.host.function(named: "fx")?.runtimeAPIAddresses.first)
        let port = try #require(Int(address.split(separator: ":").last ?? ""))
        let garbage = try WireClient(port: port)
        try garbage.send("POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nContent-Length: nope\r\n\r\n")
        #expect(try garbage.readReply().head.status == 400)
        let unknown = try WireClient(port: port).request("POST", "/2018-06-01/runtime/invocation/not-a-request/response", body: "{}")
        #expect(unknown.head.status == 404)
        #expect(unknown.text.contains("InvalidRequestID"))
        let wrong = try WireClient(port: port).request("DELETE", "/2018-06-01/runtime/invocation/next")
        #expect(wrong.head.status == 405)
        #expect(try harness.invoke("fx", #"{"action":"echo","value":"fine"}"#).text == "fine")
    }
}
