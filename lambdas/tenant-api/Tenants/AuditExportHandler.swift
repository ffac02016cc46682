import AWSCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI

/// `GET /v1/tenants/{tenantId}/audit-export?start&end`: the tenant's invocation
/// records and the admin audit records that target it, `start <= t < end`, as
/// JSON Lines under `tenants/{tenantId}/audit-exports/`, with a presigned download URL.
struct AuditExportHandler: Sendable {
    let dependencies: TenantAPIDependencies

    /// One line of the export: the record type and the record as stored (camelCase).
    struct Line<Record: Encodable>: Encodable {
        var recordType: String
        var record: Record
    }

    func export(_ request: APIGatewayProxyRequest, _ context: RequestContext) async throws -> APIGatewayProxyResponse {
        _ = try context.requireStaff()
        let id = try RequestInput.pathTenantID(request)
        try RequestInput.rejectUnknownQuery(request, allowed: ["start", "end"])
        let (start, end) = try window(request)
        let tables = dependencies.configuration.tables
        // Operators read another tenant's partition: the control plane, explicitly.
        let store = dependencies.stores.controlPlane
        guard try await store.get(Tenant.self, table: tables.tenants, key: .tenantMetadata(id)) != nil else {
            throw APIError.notFound("Tenant \(id.rawValue)")
        }
        let startText = DynamoDBItemTimestamp.string(from: start), endText = DynamoDBItemTimestamp.string(from: end)
        let invocations = try await store.queryAll(
            Invocation.self, table: tables.invocations, partition: TableKey.tenantPartition(id),
            sortKey: .between("INV#" + startText, "INV#" + endText)
        ).filter { $0.timestamp >= start && $0.timestamp < end }
        let audits = try await store.queryAll(
            AuditRecord.self, table: tables.tenants, partition: TableKey.tenantPartition(.platform),
            sortKey: .between("AUDIT#" + startText, "AUDIT#" + endText)
        ).filter { $0.targetTenant == id && $0.timestamp >= start && $0.timestamp < end }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DynamoDBItemTimestamp.string(from: date))
        }
        var body = Data()
        for invocation in invocations {
            body += try encoder.encode(Line(recordType: "invocation", record: invocation)) + Data("\n".utf8)
        }
        for audit in audits {
            body += try encoder.encode(Line(recordType: "audit", record: audit)) + Data("\n".utf8)
        }
        let now = dependencies.now()
        let stamp = DynamoDBItemTimestamp.string(from: now).filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        let key = "tenants/\(id.rawValue)/audit-exports/\(stamp)-\(dependencies.newID().uuidString.lowercased()).jsonl"
        try await dependencies.objects.putObject(tenant: id, key: key, body: body, contentType: "application/x-ndjson")
        let lifetime = TenantAPIConfiguration.downloadURLLifetime
        let url = try await dependencies.objects.presignedGetURL(tenant: id, key: key, expiresIn: lifetime)
        struct Body: Encodable { var tenantId: String; var downloadUrl: String; var expiresAt: String }
        return try APIResponse.json(200, Body(
            tenantId: id.rawValue, downloadUrl: url,
            expiresAt: DynamoDBItemTimestamp.string(from: now.addingTimeInterval(Double(lifetime)))))
    }

    private func window(_ request: APIGatewayProxyRequest) throws -> (Date, Date) {
        var details: [APIError.Detail] = []
        var bounds: [Date?] = []
        for name in ["start", "end"] {
            guard let text = RequestInput.query(request, name) else {
                details.append(.init(field: name, message: "is required"))
                bounds.append(nil)
                continue
            }
            do { bounds.append(try RequestInput.timestamp(text, field: name)) } catch {
                details += error.details
                bounds.append(nil)
            }
        }
        guard details.isEmpty, let start = bounds[0], let end = bounds[1] else { throw APIError.invalid(details) }
        guard end > start else { throw APIError.invalid([.init(field: "end", message: "must be after start")]) }
        return (start, end)
    }
}
