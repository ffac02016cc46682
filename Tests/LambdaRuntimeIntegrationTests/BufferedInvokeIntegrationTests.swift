import FoundationEssentials
import HTTPServer
import LambdaHost
import Testing

@Suite struct BufferedInvokeIntegrationTests {
    @Test func helloAnswersThroughTheInvokeAPI() throws {
        let harness = try Harness([FunctionConfiguration(name: "hello", bootstrap: "\(Harness.binaries)/hello")])
        let reply = try harness.invoke("hello", #"{"name":"ada"}"#)
        #expect(reply.head.status == 200)
        #expect(reply.text == #"{"message":"hello ada"}"#)
        #expect(reply.head.fields["X-Amz-Function-Error"] == nil)
        let again = try harness.invoke("arn:aws:lambda:us-east-1:000000000000:function:hello", "{}")
        #expect(again.text == #"{"message":"hello world"}"#)
        let report = try #require(harness.log.first { $0.hasPrefix("REPORT RequestId: \(reply.head.fields["X-Amzn-RequestId"] ?? "?")") })
        #expect(report.contains("\tDuration: "))
        #expect(report.contains("\tMemory Size: 128 MB\tMax Memory Used: "))
        #expect(report.contains("\tInit Duration: "))
        #expect(harness.log.filter { $0.contains("Init Duration") }.count == 1)
    }

    @Test func contextAndEnvironmentReachTheFunction() throws {
        let harness = try Harness([Harness.fixture("fx")])
        let clientContext = Data(#"{"custom":{"k":"v"}}"#.utf8).base64EncodedString()
        let reply = try harness.invoke("fx", #"{"action":"context"}"#, headers:
            "X-Amz-Tenant-Id: tenant-9\r\nX-Amz-Client-Context: \(clientContext)\r\nX-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793\r\n")
        struct Report: Decodable {
            var requestID: String, invokedFunctionARN: String, traceID: String?, traceEnvironment: String?
            var clientContext: String?, tenantID: String?, remainingMilliseconds: Int64
            var functionName: String?, memorySize: String?, logFormat: String?, handler: String?, taskRoot: String?
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(reply.body))
        #expect(report.requestID == reply.head.fields["X-Amzn-RequestId"])
        #expect(report.invokedFunctionARN == "arn:aws:lambda:us-east-1:000000000000:function:fx")
        #expect(report.tenantID == "tenant-9")
        #expect(report.clientContext == #"{"custom":{"k":"v"}}"#)
        #expect(report.traceID == "Root=1-5759e988-bd862e3fe1be46a994272793")
        #expect(report.traceEnvironment == report.traceID)
        // The deadline is the 3 s timeout from dispatch: in the future, never beyond it.
        #expect(report.remainingMilliseconds > 0 && report.remainingMilliseconds <= 3000)
        #expect(report.functionName == "fx")
        #expect(report.memorySize == "128")
        #expect(report.logFormat == "Text")
        #expect(report.handler == "bootstrap")
        #expect(report.taskRoot == Harness.binaries)
    }

    @Test func aThrownErrorIsReportedAndTheProcessCarriesOn() throws {
        let harness = try Harness([Harness.fixture("fx")])
        let failed = try harness.invoke("fx", #"{"action":"throw"}"#)
        #expect(failed.head.status == 200)
        #expect(failed.head.fields["X-Amz-Function-Error"] == "Unhandled")
        #expect(failed.text == #"{"errorMessage":"asked to fail","errorType":"Fixture.Failure"}"#)
        #expect(try harness.invoke("fx", #"{"action":"echo","value":"still here"}"#).text == "still here")
        #expect(harness.log.filter { $0.contains("Init Duration") }.count == 1)
    }

    @Test func aCrashIsAnExitErrorAndTheProcessIsRestarted() throws {
        let harness = try Harness([Harness.fixture("fx")])
        let crashed = try harness.invoke("fx", #"{"action":"crash"}"#)
        #expect(crashed.head.fields["X-Amz-Function-Error"] == "Unhandled")
        #expect(crashed.text.contains(#""errorType":"Runtime.ExitError""#))
        #expect(crashed.text.contains("Runtime exited with error: exit status 3"))
        #expect(try harness.invoke("fx", #"{"action":"echo","value":"reborn"}"#).text == "reborn")
        // A restarted process is a new environment: its first invocation reports init again.
        #expect(harness.log.filter { $0.contains("Init Duration") }.count == 2)
    }

    @Test func aSlowInvocationTimesOutAndTheNextOneRuns() throws {
        let harness = try Harness([Harness.fixture("fx", timeout: 0.5)])
        let timedOut = try harness.invoke("fx", #"{"action":"sleep","milliseconds":5000}"#)
        #expect(timedOut.head.fields["X-Amz-Function-Error"] == "Unhandled")
        #expect(timedOut.text.contains("Task timed out after 0.50 seconds"))
        #expect(timedOut.text.contains(#""errorType":"Sandbox.Timedout""#))
        #expect(harness.log.contains { $0.hasPrefix("REPORT") && $0.hasSuffix("Status: timeout") })
        #expect(try harness.invoke("fx", #"{"action":"echo","value":"next"}"#).text == "next")
    }

    @Test func anOversizedResponseIsResponseSizeTooLarge() throws {
        let harness = try Harness([Harness.fixture("fx")])
        let reply = try harness.invoke("fx", #"{"action":"big","bytes":6291557}"#)
        #expect(reply.head.fields["X-Amz-Function-Error"] == "Unhandled")
        #expect(reply.text.contains(#""errorType":"Function.ResponseSizeTooLarge""#))
        let limit = try harness.invoke("fx", #"{"action":"big","bytes":6291556}"#)
        #expect(limit.body.count == 6_291_556)
    }

    @Test func unknownFunctionsAre404() throws {
        let harness = try Harness([Harness.fixture("fx")])
        let reply = try harness.invoke("nope", "{}")
        #expect(reply.head.status == 404)
        #expect(reply.head.fields["X-Amzn-ErrorType"] == "ResourceNotFoundException")
    }

    @Test func slotsRunInvocationsConcurrentlyOnTheirOwnAddresses() throws {
        let harness = try Harness([Harness.fixture("fx", concurrency: 2)])
        let addresses = try #require(harness.host.function(named: "fx")?.runtimeAPIAddresses)
        #expect(Set(addresses).count == 2)
        // Plain threads, not tasks: other tests may be blocking the cooperative pool.
        let done = ConditionLock<[String]>([])
        let start = ContinuousClock.now
        for _ in 0..<2 {
            DetachedThread.start {
                let result = try? harness.host.invoke(function: "fx", payload: Array(#"{"action":"sleep","milliseconds":2500}"#.utf8))
                done.withLock { $0.append(result.map { String(decoding: $0.payload, as: UTF8.self) } ?? "failed") }
                done.broadcast()
            }
        }
        let results = done.wait { $0.count == 2 ? $0 : nil }
        #expect(results == ["slept", "slept"])
        // One after the other would take at least 5 s; in parallel about 2.5 s (the
        // fixture's timeout is 3 s). The margin keeps a loaded machine from failing a
        // test of concurrency, not speed.
        #expect(ContinuousClock.now - start < .milliseconds(4500))
    }

    @Test func asyncCallersGetTheSameResult() async throws {
        let harness = try Harness([Harness.fixture("fx")])
        let result = try await harness.host.invokeAsync(function: "fx", payload: Array(#"{"action":"echo","value":"async"}"#.utf8))
        #expect(String(decoding: result.payload, as: UTF8.self) == "async")
        #expect(result.error == nil)
    }
}
