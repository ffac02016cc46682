#if canImport(Glibc)
import Glibc
#endif
@testable import LambdaRuntime
import Testing

@Suite(.serialized) struct ProcessEnvironmentTests {
    func traceID() -> String? { getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) } }

    @Test func traceIDIsSetReplacedGrownAndUnset() {
        ProcessEnvironment.setTraceID("Root=1-a")
        #expect(traceID() == "Root=1-a")
        let earlier = getenv("_X_AMZN_TRACE_ID")!
        ProcessEnvironment.setTraceID("Root=1-b")
        #expect(traceID() == "Root=1-b")
        // What an earlier getenv returned stays intact for one more invocation.
        #expect(String(cString: earlier) == "Root=1-a")
        let long = String(repeating: "x", count: 1_000)
        ProcessEnvironment.setTraceID(long)
        #expect(traceID() == long)
        ProcessEnvironment.setTraceID(nil)
        #expect(traceID() == nil)
        ProcessEnvironment.setTraceID("Root=1-c")
        #expect(traceID() == "Root=1-c")
        #expect(ProcessEnvironment.current()["_X_AMZN_TRACE_ID"] == "Root=1-c")
        ProcessEnvironment.setTraceID(nil)
    }
}
