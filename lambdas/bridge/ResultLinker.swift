import AWSCore

/// Presigned GET URLs for job results in the tenant data bucket.
protocol ResultLinker: Sendable {
    func presignedURL(forKey key: String) async throws -> String
}

/// `ResultLinker` on S3 (valid 1 hour).
struct S3ResultLinker: ResultLinker {
    let s3: S3Client
    let bucket: String

    func presignedURL(forKey key: String) async throws -> String {
        try await s3.presignedGetURL(bucket: bucket, key: key, expiresIn: 3600)
    }
}
