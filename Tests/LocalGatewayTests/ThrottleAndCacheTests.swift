import FoundationEssentials
import LambdaEvents
import Testing
@testable import LocalGateway

@Suite struct ThrottleAndCacheTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func burstThenSteadyRate() {
        let throttle = UsagePlanThrottle()
        let plan = UsagePlan(ratePerSecond: 2, burst: 3, dailyQuota: nil)
        for _ in 0..<3 { #expect(throttle.admit(key: "k", plan: plan, now: start) == .allowed) }
        #expect(throttle.admit(key: "k", plan: plan, now: start) == .throttled(retryAfter: 1))
        #expect(throttle.admit(key: "other", plan: plan, now: start) == .allowed)
        #expect(throttle.admit(key: "k", plan: plan, now: start.addingTimeInterval(0.5)) == .allowed)
        #expect(throttle.admit(key: "k", plan: plan, now: start.addingTimeInterval(0.5)) == .throttled(retryAfter: 1))
    }

    @Test func dailyQuotaResetsAtUTCMidnight() {
        let throttle = UsagePlanThrottle()
        let plan = UsagePlan(ratePerSecond: 100, burst: 100, dailyQuota: 2)
        #expect(throttle.admit(key: "k", plan: plan, now: start) == .allowed)
        #expect(throttle.admit(key: "k", plan: plan, now: start) == .allowed)
        guard case .quotaExceeded(let retry) = throttle.admit(key: "k", plan: plan, now: start) else {
            Issue.record("expected the quota to be spent")
            return
        }
        let midnight = (start.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 86_400
        #expect(retry == Int((midnight - start.timeIntervalSince1970).rounded(.up)))
        #expect(throttle.admit(key: "k", plan: plan, now: Date(timeIntervalSince1970: midnight + 1)) == .allowed)
    }

    @Test func tierPlansMatchTheContract() {
        #expect(UsagePlan.byTier["basic"] == UsagePlan(ratePerSecond: 10, burst: 100, dailyQuota: 1_000))
        #expect(UsagePlan.byTier["premium"]?.dailyQuota == nil)
    }

    @Test func cacheExpiresAfterTTLAndStaysBounded() {
        let cache = AuthorizerCache(ttl: 300, capacity: 2)
        let response = APIGatewayAuthorizerResponse(principalId: "p", policyDocument: .init(statement: []), context: nil, usageIdentifierKey: nil)
        cache.store(response, for: "Bearer a", now: start)
        #expect(cache.lookup("Bearer a", now: start.addingTimeInterval(299)) == response)
        #expect(cache.lookup("Bearer a", now: start.addingTimeInterval(300)) == nil)
        cache.store(response, for: "a", now: start)
        cache.store(response, for: "b", now: start)
        cache.store(response, for: "c", now: start)
        #expect(cache.lookup("c", now: start) == response)
        #expect(cache.lookup("a", now: start) == nil)
        let disabled = AuthorizerCache(ttl: 0)
        disabled.store(response, for: "a", now: start)
        #expect(disabled.lookup("a", now: start) == nil)
    }

    @Test func gatewayResponsesUseAPIGatewayBodies() {
        #expect(GatewayResponse.unauthorized.status == 401)
        #expect(GatewayResponse.unauthorized.body == #"{"message":"Unauthorized"}"#)
        #expect(GatewayResponse.accessDenied.body.contains("explicit deny"))
        let throttled = GatewayResponse.throttled(retryAfter: 3)
        #expect(throttled.status == 429)
        #expect(throttled.headers.contains { $0 == ("Retry-After", "3") })
        #expect(GatewayResponse.quotaExceeded(retryAfter: 9).body == #"{"message":"Limit Exceeded"}"#)
    }
}
