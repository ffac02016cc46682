import AWSCore
import FoundationEssentials

/// S3 for one tenant: every key must lie under `tenants/{tenantId}/`.
///
/// Keys with empty, `.` or `..` segments are refused as well: S3 stores them
/// literally, but URL handling on the way (presigned links, proxies) may
/// normalise them into another tenant's prefix.
public struct TenantScopedS3: Sendable {
    public let tenant: TenantID
    let s3: S3Client
    let bucket: String
    let reporter: any AccessViolationReporter

    public init(tenant: TenantID, s3: S3Client, bucket: String, reporter: any AccessViolationReporter = EMFAccessViolationReporter()) {
        self.tenant = tenant
        self.s3 = s3
        self.bucket = bucket
        self.reporter = reporter
    }

    /// `tenants/{tenantId}/`: the only prefix this client touches.
    public var prefix: String { "tenants/\(tenant.rawValue)/" }

    public func put(_ body: Data, at key: String, contentType: String = "application/json") async throws {
        try check(key, "PutObject")
        try await s3.putObject(bucket: bucket, key: key, body: body, contentType: contentType)
    }

    public func get(_ key: String) async throws -> Data {
        try check(key, "GetObject")
        return try await s3.getObject(bucket: bucket, key: key).body
    }

    /// The keys under `prefix` (which must itself be inside the tenant's prefix), a page at a time.
    public func list(under prefix: String, continuationToken: String? = nil) async throws -> (keys: [String], next: String?) {
        try check(prefix, "ListObjectsV2")
        let page = try await s3.listObjectsV2(bucket: bucket, prefix: prefix, continuationToken: continuationToken)
        return (page.objects.map(\.key), page.nextContinuationToken)
    }

    /// A presigned GET URL for one of the tenant's objects.
    public func presignedGet(_ key: String, expiresIn seconds: Int = 3600) async throws -> String {
        try check(key, "PresignedGetObject")
        return try await s3.presignedGetURL(bucket: bucket, key: key, expiresIn: seconds)
    }

    private func check(_ key: String, _ operation: String) throws {
        if key.hasPrefix(prefix) {
            // Only the last segment may be empty (a listing prefix ending in `/`).
            let segments = key.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            let safe = segments.indices.allSatisfy { index in
                let segment = segments[index]
                return segment != "." && segment != ".." && (!segment.isEmpty || index == segments.count - 1)
            }
            if safe { return }
        }
        let target = key.hasPrefix("tenants/") ? String(key.dropFirst("tenants/".count).prefix { $0 != "/" }) : "?"
        let violation = TenantAccessViolation(callerTenant: tenant, targetTenant: target, operation: operation, key: key)
        reporter.report(violation)
        throw violation
    }
}
