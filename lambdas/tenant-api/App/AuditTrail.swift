import PlatformAPI
import DataAccess
import FoundationEssentials

/// Writes one audit record per admin action (`TENANT#platform` / `AUDIT#...`),
/// whatever its outcome. Best effort: a failed audit write is logged loudly
/// but does not undo or fail the action it describes.
struct AuditTrail: Sendable {
    let dependencies: TenantAPIDependencies

    func record(caller: Caller, target: TenantID?, operation: String, outcome: AuditOutcome) async {
        let record = AuditRecord(
            auditID: AuditID(dependencies.newID()), actor: caller.subject, targetTenant: target,
            operation: operation, outcome: outcome, timestamp: dependencies.now()
        )
        do {
            try await dependencies.stores.controlPlane.put(
                record, table: dependencies.configuration.tables.tenants, guard: .absent)
        } catch {
            dependencies.log("ERROR", "audit_write_failed", [
                "operation": operation, "outcome": outcome.rawValue, "error": String(describing: type(of: error)),
            ])
        }
    }
}
