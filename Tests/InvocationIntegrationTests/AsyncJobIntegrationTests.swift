import AWSCore
import Foundation
import Testing

extension StackTests {
    /// Async jobs end to end: bridge 202, async-runner polling the echo agent's
    /// task, result in S3, job status through the bridge.
    @Suite struct AsyncJobIntegrationTests {
        typealias E2E = BridgeEndToEndIntegrationTests

        /// The bridge's buffered answer for a GET route: the proxy response JSON.
        static func proxyResponse(_ chunks: [PlatformStack.Received]) throws -> (status: Int, body: [String: Any]) {
            let data = chunks.reduce(into: Data()) { $0.append($1.bytes) }
            let response = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let body = try #require(response["body"] as? String)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            return (try #require(response["statusCode"] as? Int), parsed)
        }

        static func job(_ id: String, tenant: String = "acme-basic") async throws -> (status: Int, body: [String: Any]) {
            let stack = try PlatformStack.get()
            return try proxyResponse(try await stack.invokeBridge(E2E.event(
                "GET", resource: "/v1/jobs/{jobId}", path: "/v1/jobs/\(id)", tenant: tenant,
                tier: tenant == "acme-basic" ? "basic" : "premium", pathParameters: ["jobId": id])))
        }

        static func startJob(_ body: String) async throws -> String {
            let stack = try PlatformStack.get()
            let (prelude, answer) = try E2E.split(try await stack.invokeBridge(E2E.invoke("echo-agent-async", body)))
            #expect(prelude["statusCode"] as? Int == 202)
            let accepted = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
            #expect(accepted["status"] as? String == "accepted")
            return try #require(accepted["jobId"] as? String)
        }

        static func waitForTerminal(_ id: String, seconds: Double = 20) async throws -> [String: Any] {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let (_, job) = try await Self.job(id)
                if let status = job["status"] as? String, status == "completed" || status == "failed" { return job }
                try await Task.sleep(for: .milliseconds(200))
            }
            Issue.record("job \(id) did not finish in \(seconds) s")
            return [:]
        }

        @Test func asyncJobCompletesWithAPresignedResult() async throws {
            let id = try await Self.startJob(#"{"input":"async hello","context":{"simulatedSeconds":1}}"#)
            let job = try await Self.waitForTerminal(id)
            #expect(job["status"] as? String == "completed")
            #expect(job["startedAt"] is String)
            let url = try #require(job["resultUrl"] as? String)
            #expect(url.contains("/platform-tenant-data/tenants/acme-basic/jobs/\(id)/result.json?"))
            #expect(url.contains("X-Amz-Expires=3600") && url.contains("X-Amz-Signature="))
            // moto with signature checking cannot serve presigned GETs (it wants an
            // Authorization header), so the object itself is read with a signed GET.
            let stack = try PlatformStack.get()
            let object = try await S3Client(client: try stack.aws.client(.s3))
                .getObject(bucket: "platform-tenant-data", key: "tenants/acme-basic/jobs/\(id)/result.json")
            let text = String(decoding: object.body, as: UTF8.self)
            #expect(text.contains("echo: async hello"))
        }

        @Test func failingTaskEndsFailedWithItsMessage() async throws {
            let id = try await Self.startJob(#"{"input":"doomed","context":{"simulatedSeconds":0.5,"fail":true}}"#)
            let job = try await Self.waitForTerminal(id)
            #expect(job["status"] as? String == "failed")
            #expect((job["errorMessage"] as? String)?.contains("simulated failure") == true)
            #expect(job["resultUrl"] == nil)
        }

        @Test func anotherTenantCannotReadTheJob() async throws {
            let id = try await Self.startJob(#"{"input":"private","context":{"simulatedSeconds":0.2}}"#)
            let (status, body) = try await Self.job(id, tenant: "globex-premium")
            #expect(status == 404)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND")
            _ = try await Self.waitForTerminal(id)
        }
    }
}
