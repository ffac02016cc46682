import Foundation
import LambdaHost
import Testing

/// The packaged `billing` executable run as a Lambda `bootstrap` by the runtime emulator
/// (LambdaHost), invoked the way the daily schedule or an operator invokes it.
@Suite struct BillingBootstrapIntegrationTests {
    /// The folder holding the test bundle, where `swift build` puts the executables.
    static let binaries: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return (executable as NSString).deletingLastPathComponent
    }()

    @Test func billsADayThroughTheRealBootstrap() async throws {
        let stack = try await BillingStack(tenantSuffixes: ["boot"])
        try await stack.putTenant("boot", budget: "0.001")
        try await stack.putInvocation("boot", at: "2031-05-20T10:00:00.000Z", input: 1_000, output: 0)  // $0.003
        let function = FunctionConfiguration(
            name: "billing", bootstrap: "\(Self.binaries)/billing",
            environment: stack.environment.filter { $0.key.hasSuffix("_TABLE") }, timeout: 30)
        let host = try LambdaHost(functions: [function], region: stack.aws.region, hostEnvironment: stack.aws.environment,
                                  log: nil)
        defer { host.stop() }

        let result = try host.invoke(function: "billing", payload: Array(#"{"date":"2031-05-20"}"#.utf8))
        #expect(result.error == nil)
        let output = try #require(JSONSerialization.jsonObject(with: Data(result.payload)) as? [String: Any])
        #expect(output["date"] as? String == "2031-05-20")
        #expect(output["tenantsBilled"] as? Int == 1)
        #expect(output["tenantsSuspended"] as? Int == 1)
        #expect(try await stack.billingItem("boot", month: "2031-05")?["totalCostUsd"] == .n("0.003"))
        #expect(try await stack.tenantItem("boot")?["status"] == .s("suspended"))
        #expect(try await stack.budgetEvents(waitSeconds: 2).count == 1)

        // A malformed date is a function error, and nothing is billed for it.
        let refused = try host.invoke(function: "billing", payload: Array(#"{"date":"2031-02-30"}"#.utf8))
        #expect(refused.error != nil)
    }
}
