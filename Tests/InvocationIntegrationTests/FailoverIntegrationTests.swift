import AWSCore
import Foundation
import Testing

extension StackTests {
    /// FM-02 end to end: the active runtime region answers
    /// `ServiceUnavailableException`; racing bridges flip the region once,
    /// under the shared lock, and every invocation succeeds.
    @Suite struct FailoverIntegrationTests {
        @Test func twentyRacingInvocationsFailOverExactlyOnce() async throws {
            let stack = try PlatformStack.get()
            let ssm = SSMClient(client: try stack.aws.client(.ssm))
            try await ssm.putParameter("/platform/config/runtime-region", value: "eu-west-1")
            // Bridges cache the region for 60 s: warm every instance on eu-west-1 first.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await stack.invoke("echo-agent", #"{"input":"warm"}"#, tenant: "globex-premium") }
                }
                try await group.waitForAll()
            }
            let before = try await ssm.getParameter("/platform/config/runtime-region")
            try await stack.injectFault(region: "eu-west-1", error: "ServiceUnavailableException")
            defer { Task { try? await stack.injectFault(region: "eu-west-1", error: nil) } }

            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await stack.invoke("echo-agent", "{\"input\":\"race \(index)\"}", tenant: "globex-premium").status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            try await stack.injectFault(region: "eu-west-1", error: nil)
            #expect(statuses == Array(repeating: 200, count: 20))
            let after = try await ssm.getParameter("/platform/config/runtime-region")
            #expect(after.value == "eu-central-1")
            #expect(after.version == before.version.map { $0 + 1 }, "exactly one region write")
            let lock = try await DynamoDBClient(client: try stack.aws.client(.dynamoDB)).getItem(.init(
                tableName: "platform-ops-locks", key: ["PK": .s("LOCK#platform-runtime-failover"), "SK": .s("METADATA")],
                consistentRead: true))
            #expect(lock == nil, "the winner released the lock")
            let log = try String(contentsOf: LocalRuntime.repository.appendingPathComponent(
                ".local/invocation-it-platform.log"), encoding: .utf8)
            #expect(log.components(separatedBy: "failed over: flipped").count - 1 == 1, "one lock winner flipped")
            // Back to the primary for the suites that follow (their bridges re-read within 60 s or fail over again).
            try await ssm.putParameter("/platform/config/runtime-region", value: "eu-west-1")
        }
    }
}
