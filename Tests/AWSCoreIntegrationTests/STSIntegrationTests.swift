import Foundation
import Testing
@testable import AWSCore
import PlatformTestSupport

@Suite struct STSIntegrationTests {
    @Test func callerIdentityOfTheTestUser() async throws {
        let aws = try LocalAWS()
        let identity = try await STSClient(client: try aws.client(.sts)).getCallerIdentity()
        #expect(identity.arn.hasSuffix(":user/platform-test"))
        #expect(identity.account.count == 12)
    }

    @Test func wrongSecretIsRejectedByTheServer() async throws {
        let aws = try LocalAWS()
        let wrong = StaticCredentialProvider(AWSCredentials(
            accessKeyID: aws.environment["AWS_ACCESS_KEY_ID"]!, secretAccessKey: "not-the-secret"))
        let sts = STSClient(client: try aws.client(.sts, credentials: wrong))
        let error = await #expect(throws: AWSError.self) { try await sts.getCallerIdentity() }
        #expect(["SignatureDoesNotMatch", "InvalidSignatureException"].contains(error?.code ?? ""))
        #expect(error?.status == 403)
        #expect(error?.description.contains("not-the-secret") == false)

        let ssm = SSMClient(client: try aws.client(.ssm, credentials: wrong))
        let jsonError = await #expect(throws: AWSError.self) { try await ssm.getParameter("/nope") }
        #expect(["SignatureDoesNotMatch", "InvalidSignatureException"].contains(jsonError?.code ?? ""))
    }

    @Test func assumedRoleCredentialsWork() async throws {
        let aws = try LocalAWS()
        let role = try await IAMSetup(aws).allowAllRole(named: LocalAWS.unique("tenant-role"))
        let sts = STSClient(client: try aws.client(.sts))
        let provider = AssumeRoleCredentialProvider(sts: sts, roleARN: role, sessionName: "invoke-acme",
                                                    tags: ["tenantId": "acme"])
        let credentials = try await provider.credentials()
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(credentials.expiration.map { $0 > Date() } == true)
        #expect(try await provider.credentials() == credentials)

        let identity = try await STSClient(client: try aws.client(.sts, credentials: provider)).getCallerIdentity()
        #expect(identity.arn.contains(":assumed-role/"))
        #expect(identity.arn.hasSuffix("/invoke-acme"))
        let ssm = SSMClient(client: try aws.client(.ssm, credentials: provider))
        let name = "/platform/test/\(LocalAWS.unique("assumed"))"
        try await ssm.putParameter(name, value: "v")
        #expect(try await ssm.getParameter(name).value == "v")
    }
}

/// Creates IAM roles through the generic query protocol (the platform itself has no IAM client).
struct IAMSetup {
    let client: AWSClient

    init(_ aws: LocalAWS) throws {
        client = try AWSClient(service: AWSService(id: "IAM", endpointPrefix: "iam", signingName: "iam"),
                               environment: aws.environment, transport: aws.transport, region: "us-east-1")
    }

    func allowAllRole(named name: String) async throws -> String {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"#
        let result = try await client.query(action: "CreateRole", version: "2010-05-08",
                                            parameters: [("RoleName", name), ("AssumeRolePolicyDocument", trust)])
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try await client.query(action: "PutRolePolicy", version: "2010-05-08",
                                   parameters: [("RoleName", name), ("PolicyName", "all"), ("PolicyDocument", policy)])
        return try #require(result.text("Role", "Arn"))
    }
}
