import Foundation
import Synchronization
import LambdaRuntime
import Testing
@testable import Billing

@Suite struct BillingHandlerTests {
    let now = Date(timeIntervalSince1970: 1_795_564_800)  // 2026-11-25T00:00:00Z

    func handler(_ stores: FakeBillingStores, sink: CapturingSink = CapturingSink()) -> BillingHandler {
        BillingHandler(run: BillingRun(tenants: stores, usage: stores, ledger: stores, pricing: stores, events: stores, now: { now }),
                       metrics: BillingMetrics(sink: sink, clock: LambdaClock.system), now: { now })
    }

    func stores() -> FakeBillingStores {
        let stores = FakeBillingStores()
        stores.state.withLock { state in
            state.tenants = [BillableTenant(tenantID: "acme", appID: "acme-app", tier: "basic", status: .active,
                                            monthlyBudget: MicroUSD(decimal: "0.5"))]
            state.pricing = ["basic": TierPricing(inputPer1k: MicroUSD(3_000), outputPer1k: MicroUSD(15_000))]
            state.usage = ["acme|2026-11-24": TokenUsage(inputTokens: 100_000, outputTokens: 20_000, invocations: 7)]
        }
        return stores
    }

    @Test func billsYesterdayByDefaultAndEmitsMetrics() async throws {
        let sink = CapturingSink()
        let output = try await handler(stores(), sink: sink).handle(.init(date: nil))
        #expect(output == .init(date: "2026-11-24", tenantsBilled: 1, tenantsSuspended: 1, failedTenants: []))
        let lines = sink.lines
        #expect(lines.count == 2)
        let tenant = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(tenant["TenantId"] as? String == "acme")
        #expect(tenant["TenantCost"] as? Double == 0.6)
        #expect(tenant["TenantTokens"] as? Double == 120_000)
        #expect(lines[0].contains(#""Namespace":"Platform/Billing""#) && lines[0].contains(#"[["TenantId"]]"#))
        #expect(lines[1].contains(#""TenantsSuspended":1"#))
    }

    @Test func billsTheRequestedDate() async throws {
        let output = try await handler(stores()).handle(.init(date: "2026-11-01"))
        #expect(output.date == "2026-11-01" && output.tenantsSuspended == 0)
    }

    @Test func invalidDateIsRefused() async {
        await #expect(throws: BillingError.invalidDate("2026-13-01")) { try await handler(stores()).handle(.init(date: "2026-13-01")) }
    }

    @Test func tenantFailuresFailTheInvocationAfterBillingTheRest() async throws {
        let stores = stores()
        stores.state.withLock { $0.failingUsage = ["acme"] }
        let lines = LockedLines()
        await #expect {
            try await handler(stores).handle(.init(date: "2026-11-24"), log: { lines.append($0) })
        } throws: { error in
            (error as? BillingHandler.RunIncomplete)?.failedTenants == ["acme"]
        }
        #expect(lines.all.contains { $0.contains("tenant=acme failed") })
    }

    @Test func eventDecodingIgnoresScheduleFields() throws {
        let scheduled = #"{"version":"0","id":"x","detail-type":"Scheduled Event","source":"aws.events","time":"2026-11-25T00:05:00Z","detail":{}}"#
        #expect(try JSONDecoder().decode(BillingHandler.Event.self, from: Data(scheduled.utf8)).date == nil)
    }
}

final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}
