import FoundationEssentials
import Synchronization

/// Per-key token buckets and daily quotas, as API Gateway usage plans apply them.
final class UsagePlanThrottle: Sendable {
    enum Decision: Equatable {
        case allowed
        /// Rate or burst exceeded; retry after this many whole seconds.
        case throttled(retryAfter: Int)
        /// The day's quota is spent; retry after this many seconds (next UTC midnight).
        case quotaExceeded(retryAfter: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: Date
        var day: Int
        var usedToday: Int
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    func admit(key: String, plan: UsagePlan, now: Date) -> Decision {
        let seconds = now.timeIntervalSince1970
        let day = Int((seconds / 86_400).rounded(.down))
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: Double(plan.burst), updated: now, day: day, usedToday: 0)
            let elapsed = max(0, now.timeIntervalSince(bucket.updated))
            bucket.tokens = min(Double(plan.burst), bucket.tokens + elapsed * plan.ratePerSecond)
            bucket.updated = now
            if bucket.day != day {
                bucket.day = day
                bucket.usedToday = 0
            }
            defer { buckets[key] = bucket }
            if let quota = plan.dailyQuota, bucket.usedToday >= quota {
                let untilMidnight = Double(day + 1) * 86_400 - seconds
                return .quotaExceeded(retryAfter: max(1, Int(untilMidnight.rounded(.up))))
            }
            guard bucket.tokens >= 1 else {
                let wait = (1 - bucket.tokens) / plan.ratePerSecond
                return .throttled(retryAfter: max(1, Int(wait.rounded(.up))))
            }
            bucket.tokens -= 1
            bucket.usedToday += 1
            return .allowed
        }
    }
}
