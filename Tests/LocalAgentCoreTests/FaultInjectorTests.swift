@testable import LocalAgentCore
import Testing

@Suite struct FaultInjectorTests {
    @Test func countedFaultsRunOutAndOthersStay() {
        let faults = FaultInjector()
        faults.set(.init(error: "ServiceUnavailableException", remaining: 2), region: "eu-west-1")
        faults.set(.init(error: "ThrottlingException", remaining: nil), region: "eu-central-1")
        #expect(faults.take(region: "eu-west-1")?.status == 503)
        #expect(faults.take(region: "eu-west-1") != nil)
        #expect(faults.take(region: "eu-west-1") == nil)
        #expect(faults.take(region: "eu-central-1")?.status == 429)
        #expect(faults.take(region: "eu-central-1")?.status == 429)
        faults.clear(region: "eu-central-1")
        #expect(faults.take(region: "eu-central-1") == nil)
    }
}
