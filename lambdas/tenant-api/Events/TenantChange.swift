import AWSCore
import DataAccess
import PlatformJSON

/// The `{field: {from, to}}` difference between two versions of a tenant,
/// over the fields an update may touch.
enum TenantChange {
    static func between(_ old: Tenant?, _ new: Tenant) -> [String: PlatformEvent.Change] {
        var change: [String: PlatformEvent.Change] = [:]
        func note(_ field: String, _ before: JSONValue, _ after: JSONValue) {
            if before != after { change[field] = .init(from: before, to: after) }
        }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        note("displayName", text(old?.displayName), text(new.displayName))
        note("tier", text(old?.tier.rawValue), text(new.tier.rawValue))
        note("status", text(old?.status.rawValue), text(new.status.rawValue))
        note("monthlyBudgetUsd", old.map { JSONValue($0.monthlyBudgetUSD) } ?? .null, JSONValue(new.monthlyBudgetUSD))
        note("runtimeRegion", text(old?.runtimeRegion.rawValue), text(new.runtimeRegion.rawValue))
        note("fallbackRegion", text(old?.fallbackRegion.rawValue), text(new.fallbackRegion.rawValue))
        return change
    }
}
