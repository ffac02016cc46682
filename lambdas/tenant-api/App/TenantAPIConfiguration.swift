import DataAccess

/// Names and switches the tenant API reads from its environment once, at start.
///
/// Variables: the table names of ``TableNames``; `DATA_BUCKET` (tenant data,
/// default `platform-tenant-data`); `AUDIT_EXPORT_BUCKET` (default the data
/// bucket; exports are written under `tenants/{tenantId}/audit-exports/`);
/// `PLATFORM_ENV`; `WEBHOOK_LOCAL_RECEIVERS` (with `PLATFORM_ENV=local` only:
/// the loopback `host:port` webhook receivers a callback may name);
/// `PLATFORM_VERSION`; `RUNTIME_REGIONS` (comma-separated, default
/// `eu-west-1,eu-central-1`).
struct TenantAPIConfiguration: Sendable, Equatable {
    static let runtimeRegionParameter = "/platform/config/runtime-region"
    static let fallbackRegionParameter = "/platform/config/fallback-region"
    /// Presigned download URLs (audit export) live this long.
    static let downloadURLLifetime = 3600
    /// AgentCore Memory events of a tenant expire after this many days.
    static let memoryEventExpiryDays = 30

    var tables: TableNames
    var dataBucket: String
    var auditExportBucket: String
    var webhookLocalReceivers: LocalWebhookReceivers
    var version: String
    /// The AgentCore Runtime regions a tenant may be placed in.
    var runtimeRegions: [String]

    init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        tables = TableNames(environment: environment)
        dataBucket = value("DATA_BUCKET") ?? "platform-tenant-data"
        auditExportBucket = value("AUDIT_EXPORT_BUCKET") ?? dataBucket
        webhookLocalReceivers = LocalWebhookReceivers(environment: environment)
        version = value("PLATFORM_VERSION") ?? "0.0.0-dev"
        runtimeRegions = (value("RUNTIME_REGIONS") ?? "eu-west-1,eu-central-1")
            .split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
    }
}
