import FoundationEssentials

/// Amazon S3 over restXml: objects, listing, buckets, presigned GET URLs.
///
/// Addressing is virtual-hosted (`bucket.s3.region.amazonaws.com`) against AWS
/// and path-style (`host/bucket/key`) when an endpoint override is set, because
/// local stacks such as moto cannot route bucket host names.
public struct S3Client: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    public struct Object: Sendable, Equatable {
        public var body: Data
        public var contentType: String?
        public var eTag: String?
    }

    /// Stores `body` at `key`; returns the ETag.
    @discardableResult
    public func putObject(bucket: String, key: String, body: Data,
                          contentType: String = "application/octet-stream") async throws -> String? {
        var request = self.request("PUT", bucket: bucket, key: key)
        request.headers.set("Content-Type", contentType)
        request.body = body
        return try await client.send(request, operation: "PutObject").headers["ETag"]
    }

    public func getObject(bucket: String, key: String) async throws -> Object {
        let response = try await client.send(request("GET", bucket: bucket, key: key), operation: "GetObject")
        return Object(body: response.body, contentType: response.headers["Content-Type"], eTag: response.headers["ETag"])
    }

    /// Creates a bucket in the client's region.
    public func createBucket(_ bucket: String) async throws {
        var request = self.request("PUT", bucket: bucket, key: nil)
        if client.region != "us-east-1" {  // us-east-1 refuses a location constraint naming itself
            request.body = Data("""
            <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <LocationConstraint>\(client.region)</LocationConstraint></CreateBucketConfiguration>
            """.utf8)
        }
        _ = try await client.send(request, operation: "CreateBucket")
    }

    /// A URL anyone can GET for `expiresIn` seconds (at most 7 days).
    public func presignedGetURL(bucket: String, key: String, expiresIn: Int = 3600) async throws -> String {
        try await client.presign(request("GET", bucket: bucket, key: key), expires: expiresIn).url
    }

    /// The request for `bucket` (and `key`), path-style or virtual-hosted.
    func request(_ method: String, bucket: String, key: String?, query: [(String, String)] = []) -> HTTPRequest {
        let keyPath = "/" + SigV4URIEncoding.encoded(key ?? "", keepingSlash: true)
        var request = client.restRequest(method: method, path: "", query: query)
        if client.endpoint.isOverride {
            request.path = client.endpoint.basePath + "/" + SigV4URIEncoding.encoded(bucket) + (key == nil ? "" : keyPath)
        } else {
            request.authority = "\(bucket).\(client.endpoint.authority)"
            request.path = keyPath
        }
        return request
    }
}
