import Foundation
import Testing
@testable import AWSCore

@Suite struct S3ClientTests {
    @Test func virtualHostedAgainstAWSAndPathStyleWithAnOverride() async throws {
        let aws = FakeTransport(status: 200, body: "")
        _ = try await S3Client(client: aws.client(.s3)).putObject(bucket: "results", key: "tenants/acme/j 1+é.json", body: Data("x".utf8))
        let request = try #require(aws.requests.first)
        #expect(request.authority == "results.s3.eu-west-2.amazonaws.com")
        #expect(request.path == "/tenants/acme/j%201%2B%C3%A9.json")
        #expect(request.headers["x-amz-content-sha256"] != nil)

        let local = FakeTransport(status: 200, body: "")
        _ = try await S3Client(client: local.client(.s3, endpoint: "http://127.0.0.1:5000")).getObject(bucket: "results", key: "a/b")
        #expect(try #require(local.requests.first).url == "http://127.0.0.1:5000/results/a/b")
    }

    @Test func presignedURLCarriesTheQuerySignature() async throws {
        let transport = FakeTransport(status: 200, body: "")
        let url = try await S3Client(client: transport.client(.s3)).presignedGetURL(bucket: "results", key: "tenants/acme/r.json")
        #expect(url.hasPrefix("https://results.s3.eu-west-2.amazonaws.com/tenants/acme/r.json?"))
        #expect(url.contains("X-Amz-Expires=3600"))
        #expect(url.contains("X-Amz-Credential=AKIDEXAMPLE%2F20231114%2Feu-west-2%2Fs3%2Faws4_request"))
        #expect(url.contains("X-Amz-Signature="))
        #expect(transport.requests.isEmpty)
    }

    @Test func listParsesPagesAndRejectsMalformedXML() async throws {
        let xml = "<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>tok</NextContinuationToken><Contents><Key>k</Key><Size>5</Size></Contents></ListBucketResult>"
        let page = try await S3Client(client: FakeTransport(status: 200, body: xml).client(.s3)).listObjectsV2(bucket: "b")
        #expect(page == .init(objects: [.init(key: "k", size: 5, eTag: nil)], nextContinuationToken: "tok"))
        await #expect(throws: AWSResponseError.self) {
            try await S3Client(client: FakeTransport(status: 200, body: "<List>").client(.s3)).listObjectsV2(bucket: "b")
        }
    }
}
