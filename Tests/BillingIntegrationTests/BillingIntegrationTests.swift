import AWSCore
import Foundation
import Testing
@testable import Billing

/// The billing Lambda's handler against moto: DynamoDB tables as the local stack's template defines them, SSM
/// pricing, and EventBridge delivering budget events to an SQS queue.
@Suite struct BillingIntegrationTests {
    static let day = "2031-03-14"

    /// Every billable tenant uses the same tokens on the day: 3,000 in and 2,000 out at basic
    /// prices ($0.003 / $0.015 per 1k) = $0.009 + $0.030 = $0.039.
    func seed(_ stack: BillingStack) async throws {
        try await stack.putTenant("under", budget: "1000")
        try await stack.putTenant("at", budget: "0.039")
        try await stack.putTenant("over", budget: "0.038999")
        try await stack.putTenant("already", status: "suspended", budget: "0.01")
        try await stack.putTenant("gone", status: "deleted", budget: "0.01")
        for suffix in ["under", "at", "over", "already", "gone"] {
            try await stack.putInvocation(suffix, at: "\(Self.day)T00:00:00.000Z", input: 1_000, output: 500)
            try await stack.putInvocation(suffix, at: "\(Self.day)T12:30:00.000Z", input: 2_000, output: 0)
            try await stack.putInvocation(suffix, at: "\(Self.day)T23:59:59.999Z", input: 0, output: 1_500)
            // Neighbouring days are not this day's bill.
            try await stack.putInvocation(suffix, at: "2031-03-13T23:59:59.999Z", input: 99_999, output: 99_999)
            try await stack.putInvocation(suffix, at: "2031-03-15T00:00:00.000Z", input: 99_999, output: 99_999)
        }
    }

    @Test func billsTheDaySuspendsOverBudgetOnlyAndIsIdempotent() async throws {
        let stack = try await BillingStack(tenantSuffixes: ["under", "at", "over", "already", "gone"])
        try await seed(stack)
        let handler = try BillingHandler.live(environment: stack.environment, transport: stack.aws.transport)

        let first = try await handler.handle(.init(date: Self.day))
        #expect(first == .init(date: Self.day, tenantsBilled: 4, tenantsSuspended: 1, failedTenants: []))

        let summary = try #require(try await stack.billingItem("under", month: "2031-03"))
        #expect(summary["totalInputTokens"] == .n("3000"))
        #expect(summary["totalOutputTokens"] == .n("2000"))
        #expect(summary["totalCostUsd"] == .n("0.039"))
        #expect(summary["tenantId"] == .s(stack.tenantID("under")))
        #expect(summary["yearMonth"] == .s("2031-03"))
        guard case .m(let days)? = summary["dailyTotals"], case .m(let today)? = days[Self.day] else {
            Issue.record("no daily total for \(Self.day)")
            return
        }
        #expect(today["invocations"] == .n("3") && today["costUsd"] == .n("0.039"))
        #expect(try await stack.billingItem("gone", month: "2031-03") == nil)

        // Exactly at the budget is not over it; one micro-dollar under the cost is.
        #expect(try await stack.tenantItem("at")?["status"] == .s("active"))
        #expect(try await stack.tenantItem("under")?["status"] == .s("active"))
        #expect(try await stack.tenantItem("over")?["status"] == .s("suspended"))
        #expect(try await stack.tenantItem("already")?["status"] == .s("suspended"))
        #expect(try await stack.tenantItem("gone")?["status"] == .s("deleted"))

        let events = try await stack.budgetEvents(waitSeconds: 2)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event["source"] as? String == "platform.tenants")
        #expect(event["detail-type"] as? String == "platform.tenant.budget_exceeded")
        let detail = try #require(event["detail"] as? [String: Any])
        #expect(detail["tenantId"] as? String == stack.tenantID("over"))
        #expect(detail["appId"] as? String == "\(stack.tenantID("over"))-app")
        #expect(detail["yearMonth"] as? String == "2031-03")
        #expect((detail["totalCostUsd"] as? NSNumber)?.decimalValue == Decimal(string: "0.039"))
        #expect((detail["budgetUsd"] as? NSNumber)?.decimalValue == Decimal(string: "0.038999"))

        // Re-running the day changes nothing: same records, no second suspension or event.
        let before = try await stack.billingItem("under", month: "2031-03")
        let second = try await handler.handle(.init(date: Self.day))
        #expect(second == .init(date: Self.day, tenantsBilled: 4, tenantsSuspended: 0, failedTenants: []))
        #expect(try await stack.billingItem("under", month: "2031-03") == before)
        #expect(try await stack.budgetEvents(waitSeconds: 1).isEmpty)
    }

    @Test func monthTotalsAddDaysAndBudgetIsMonthToDate() async throws {
        let stack = try await BillingStack(tenantSuffixes: ["m"])
        try await stack.putTenant("m", tier: "premium", budget: "0.05")
        // premium: $0.002 / $0.010 per 1k. Day 1: 10,000 in = $0.02; day 2: 3,000 out = $0.03.
        try await stack.putInvocation("m", at: "2031-04-01T08:00:00.000Z", input: 10_000, output: 0)
        try await stack.putInvocation("m", at: "2031-04-02T08:00:00.000Z", input: 0, output: 3_000)
        try await stack.putInvocation("m", at: "2031-04-03T08:00:00.000Z", input: 1, output: 0)
        let handler = try BillingHandler.live(environment: stack.environment, transport: stack.aws.transport)

        #expect(try await handler.handle(.init(date: "2031-04-01")).tenantsSuspended == 0)
        #expect(try await handler.handle(.init(date: "2031-04-02")).tenantsSuspended == 0)  // $0.05 == budget
        #expect(try await stack.billingItem("m", month: "2031-04")?["totalCostUsd"] == .n("0.05"))
        // Day 3 adds $0.000002 (one input token rounds to 2 micro-dollars): now over.
        #expect(try await handler.handle(.init(date: "2031-04-03")).tenantsSuspended == 1)
        #expect(try await stack.billingItem("m", month: "2031-04")?["totalCostUsd"] == .n("0.050002"))
        #expect(try await stack.tenantItem("m")?["status"] == .s("suspended"))
        #expect(try await stack.budgetEvents(waitSeconds: 2).count == 1)
    }
}
