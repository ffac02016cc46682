import AWSCore
import Foundation
import Testing

extension StackTests {
    /// Async jobs end to end: bridge 202, async-runner polling the echo agent's
    /// task, result in S3, job status through the bridge.
    @Suite struct AsyncJobIntegrationTests {
        static func job(_ id: String, tenant: String = "acme-basic") async throws -> (status: Int, body: [String: Any]) {
            let answer = try await PlatformStack.get().call("GET", "/v1/jobs/\(id)", tenant: tenant)
            return (answer.status, answer.json)
        }

        static func startJob(_ body: String) async throws -> String {
            let answer = try await PlatformStack.get().invoke("echo-agent-async", body)
            #expect(answer.status == 202)
            #expect(answer.json["status"] as? String == "accepted")
            #expect(answer.json["mode"] as? String == "async")
            let id = try #require(answer.json["jobId"] as? String)
            #expect(answer.json["pollUrl"] as? String == "/v1/jobs/\(id)")
            return id
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
