import FoundationEssentials

/// The daily billing function: bills one UTC day (the event's `date`, else yesterday).
struct BillingHandler: Sendable {
    /// The schedule's event (any EventBridge fields are ignored) or `{"date": "YYYY-MM-DD"}`.
    struct Event: Decodable, Sendable {
        var date: String?
    }

    struct Output: Encodable, Equatable, Sendable {
        var date: String
        var tenantsBilled: Int
        var tenantsSuspended: Int
        var failedTenants: [String]
    }

    /// Some tenants could not be billed; a retry is safe because billing a day is idempotent.
    struct RunIncomplete: Error, CustomStringConvertible {
        var date: String
        var failedTenants: [String]
        var description: String { "billing \(date) failed for \(failedTenants.count) tenant(s): \(failedTenants.joined(separator: ", "))" }
    }

    let run: BillingRun
    let metrics: BillingMetrics
    let now: @Sendable () -> Date

    func handle(_ event: Event, log: @Sendable (String) -> Void = { _ in }) async throws -> Output {
        let day: BillingDay
        if let text = event.date {
            guard let parsed = BillingDay(text) else { throw BillingError.invalidDate(text) }
            day = parsed
        } else {
            day = BillingDay.yesterday(before: now())
        }
        let report = try await run.bill(day)
        metrics.record(report)
        for failure in report.failures {
            log("billing \(day) tenant=\(failure.tenantID) failed: \(failure.reason)")
        }
        log("billing \(day) billed=\(report.outcomes.count) suspended=\(report.suspendedCount) failed=\(report.failures.count)")
        guard report.failures.isEmpty else {
            throw RunIncomplete(date: day.description, failedTenants: report.failures.map(\.tenantID))
        }
        return Output(date: day.description, tenantsBilled: report.outcomes.count,
                      tenantsSuspended: report.suspendedCount, failedTenants: [])
    }
}
