/// The tenant API's routes (docs/openapi.yaml, `x-platform-function: tenant-api`).
enum TenantAPIRoutes {
    static func all(_ dependencies: TenantAPIDependencies) -> [RouteEntry] {
        let tenants = TenantHandler(dependencies: dependencies)
        let selfService = SelfServiceHandler(dependencies: dependencies)
        let export = AuditExportHandler(dependencies: dependencies)
        let webhooks = WebhookHandler(dependencies: dependencies)
        let agents = AgentRegistryHandler(dependencies: dependencies)
        let operations = OperationsHandler(dependencies: dependencies)
        let quota = QuotaHandler(dependencies: dependencies)
        let health = HealthHandler(dependencies: dependencies)
        let reports = ReportsHandler(dependencies: dependencies)
        return [
            RouteEntry("GET", "/v1/health", authenticated: false, health.health),
            RouteEntry("POST", "/v1/tenants", audit: "tenant.create", auditTarget: RouteEntry.bodyTenant, tenants.create),
            RouteEntry("GET", "/v1/tenants", tenants.list),
            RouteEntry("GET", "/v1/tenants/{tenantId}", tenants.read),
            RouteEntry("PATCH", "/v1/tenants/{tenantId}", audit: "tenant.update", tenants.update),
            RouteEntry("DELETE", "/v1/tenants/{tenantId}", audit: "tenant.delete", tenants.delete),
            RouteEntry("POST", "/v1/tenants/{tenantId}/api-key/rotate", audit: "tenant.api_key.rotate", selfService.rotateAPIKey),
            RouteEntry("POST", "/v1/tenants/{tenantId}/users/invite", audit: "tenant.user.invite", selfService.invite),
            RouteEntry("GET", "/v1/tenants/{tenantId}/users/invites", selfService.listInvites),
            RouteEntry("GET", "/v1/tenants/{tenantId}/audit-export", audit: "tenant.audit_export", export.export),
            RouteEntry("GET", "/v1/webhooks", webhooks.list),
            RouteEntry("POST", "/v1/webhooks", webhooks.create),
            RouteEntry("DELETE", "/v1/webhooks/{webhookId}", webhooks.delete),
            RouteEntry("POST", "/v1/webhooks/{webhookId}/rotate-secret", webhooks.rotateSecret),
            RouteEntry("GET", "/v1/platform/agents", audit: "agent.list", agents.list),
            RouteEntry("POST", "/v1/platform/agents", audit: "agent.register", agents.register),
            RouteEntry("PATCH", "/v1/platform/agents/{agentName}/versions/{version}", audit: "agent.update", agents.update),
            RouteEntry("POST", "/v1/platform/failover", audit: "runtime.failover", operations.failover),
            RouteEntry("GET", "/v1/platform/quota", audit: "quota.report", quota.report),
            RouteEntry("GET", "/v1/platform/billing/status", audit: "billing.status", operations.billingStatus),
            RouteEntry("POST", "/v1/platform/tenants/{tenantId}/suspend", audit: "tenant.suspend", operations.suspend),
            RouteEntry("POST", "/v1/platform/tenants/{tenantId}/reinstate", audit: "tenant.reinstate", operations.reinstate),
            RouteEntry("GET", "/v1/platform/reports/top-tenants", audit: "report.top_tenants", reports.topTenants),
            RouteEntry("GET", "/v1/platform/reports/error-rate", audit: "report.error_rate", reports.errorRate),
            RouteEntry("GET", "/v1/platform/tenants/{tenantId}/sessions", audit: "tenant.sessions", reports.tenantSessions),
            RouteEntry("GET", "/v1/platform/tenants/{tenantId}/invocations", audit: "tenant.invocation_report", reports.invocationReport),
        ]
    }
}
