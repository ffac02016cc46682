@testable import LambdaRuntime
import Testing

@Suite struct LambdaMetricsTests {
    @Test func emitsEmbeddedMetricFormat() {
        let sink = CapturingSink()
        let metrics = LambdaMetrics(namespace: "AgentPlatform", dimensions: [("FunctionName", "hello")], sink: sink, clock: Fixture.clock, requestID: "r-1")
        metrics.emit([Metric("Latency", 12.5, unit: .milliseconds), Metric("Calls", 1)], dimensions: [("TenantId", "t1")])
        #expect(sink.all == [
            #"{"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"AgentPlatform","Dimensions":[["FunctionName","TenantId"]],"#
                + #""Metrics":[{"Name":"Latency","Unit":"Milliseconds"},{"Name":"Calls","Unit":"Count"}]}]},"#
                + #""FunctionName":"hello","TenantId":"t1","Latency":12.5,"Calls":1,"requestId":"r-1"}"#,
        ])
    }

    @Test func emitsNothingForNoMetrics() {
        let sink = CapturingSink()
        LambdaMetrics(namespace: "N", dimensions: [], sink: sink, clock: Fixture.clock, requestID: nil).emit([])
        #expect(sink.all.isEmpty)
    }
}
