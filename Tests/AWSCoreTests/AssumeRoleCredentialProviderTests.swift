import Foundation
import Synchronization
import Testing
@testable import AWSCore

@Suite struct AssumeRoleCredentialProviderTests {
    static func response(key: String, expires: String) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: 200, body: Data("""
        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>\(key)</AccessKeyId>\
        <SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>\(expires)</Expiration>\
        </Credentials></AssumeRoleResult></AssumeRoleResponse>
        """.utf8)))
    }

    @Test func cachesUntilFiveMinutesBeforeExpiryWithOneRefreshAtATime() async throws {
        // Expiry 2023-11-14T23:13:20Z = 1_700_003_600 (one hour after the fake clock's start).
        let transport = FakeTransport([Self.response(key: "K1", expires: "2023-11-14T23:13:20Z"),
                                       Self.response(key: "K2", expires: "2023-11-15T00:13:20Z")])
        let clock = Mutex<TimeInterval>(1_700_000_000)
        let provider = AssumeRoleCredentialProvider(
            sts: STSClient(client: transport.client(.sts)), roleARN: "arn:aws:iam::1:role/r", sessionName: "invoke-acme",
            tags: ["tenantId": "acme"], now: { Date(timeIntervalSince1970: clock.withLock { $0 }) })

        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await provider.credentials().accessKeyID } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(keys) == ["K1"])
        #expect(transport.requests.count == 1)

        clock.withLock { $0 = 1_700_003_600 - 301 }
        #expect(try await provider.credentials().accessKeyID == "K1")
        #expect(transport.requests.count == 1)

        clock.withLock { $0 = 1_700_003_600 - 300 }
        #expect(try await provider.credentials().accessKeyID == "K2")
        #expect(transport.requests.count == 2)
    }

    @Test func failedRefreshIsThrownAndRetriedNextTime() async throws {
        let transport = FakeTransport([
            .success(HTTPResponse(status: 403, body: Data("<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>".utf8))),
            Self.response(key: "K1", expires: "2099-01-01T00:00:00Z"),
        ])
        let provider = AssumeRoleCredentialProvider(sts: STSClient(client: transport.client(.sts)), roleARN: "r", sessionName: "s")
        await #expect(throws: AWSError.self) { try await provider.credentials() }
        #expect(try await provider.credentials().accessKeyID == "K1")
    }
}
