import AWSCore
@testable import DataAccess
import Foundation
import PlatformTestSupport
import Testing

@Suite struct TenantScopedS3IntegrationTests {
    let acme = try! TenantID(validating: "acme")

    func makeStore(_ reporter: RecordingReporter) async throws -> (TenantScopedS3, S3Client, String) {
        let aws = try LocalAWS()
        let s3 = S3Client(client: try aws.client(.s3))
        let bucket = LocalAWS.unique("tenant-data")
        try await s3.createBucket(bucket)
        return (TenantScopedS3(tenant: acme, s3: s3, bucket: bucket, reporter: reporter), s3, bucket)
    }

    @Test func ownObjectsRoundTrip() async throws {
        let (store, _, _) = try await makeStore(RecordingReporter())
        #expect(store.prefix == "tenants/acme/")
        try await store.put(Data("{}".utf8), at: "tenants/acme/jobs/j1/result.json")
        #expect(try await store.get("tenants/acme/jobs/j1/result.json") == Data("{}".utf8))
        let url = try await store.presignedGet("tenants/acme/jobs/j1/result.json", expiresIn: 600)
        #expect(url.contains("X-Amz-Signature="))
        #expect(url.contains("X-Amz-Expires=600"))
    }

    @Test func keysOutsideTheTenantPrefixAreRefusedAndCounted() async throws {
        let reporter = RecordingReporter()
        let (store, s3, bucket) = try await makeStore(reporter)
        try await s3.putObject(bucket: bucket, key: "tenants/acme-evil/secret.json", body: Data("x".utf8))
        let attempts: [(String, String, () async throws -> Void)] = [
            ("GetObject", "acme-evil", { _ = try await store.get("tenants/acme-evil/secret.json") }),
            ("PutObject", "acme-evil", { try await store.put(Data(), at: "tenants/acme-evil/planted.json") }),
            ("ListObjectsV2", "acme-evil", { _ = try await store.list(under: "tenants/acme-evil/") }),
            ("PresignedGetObject", "acme-evil", { _ = try await store.presignedGet("tenants/acme-evil/secret.json") }),
            ("GetObject", "acme", { _ = try await store.get("tenants/acme/../acme-evil/secret.json") }),
            ("GetObject", "acme", { _ = try await store.get("tenants/acme/./x") }),
            ("GetObject", "acme", { _ = try await store.get("tenants/acme//x") }),
            ("GetObject", "acme", { _ = try await store.get("tenants/acme") }),
            ("GetObject", "?", { _ = try await store.get("other/acme/x") }),
        ]
        for (index, (operation, target, attempt)) in attempts.enumerated() {
            let thrown = await #expect(throws: TenantAccessViolation.self) { try await attempt() }
            #expect(thrown?.operation == operation)
            #expect(thrown?.targetTenant == target)
            #expect(reporter.violations.count == index + 1)
        }
        #expect(try await s3.getObject(bucket: bucket, key: "tenants/acme-evil/secret.json").body == Data("x".utf8))
    }
}
