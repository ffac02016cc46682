import Foundation
import Testing
@testable import AWSCore

@Suite struct AWSClientTests {
    func noLeak(_ error: (any Error)?) -> Bool {
        let text = "\(error.map { String(describing: $0) } ?? "")"
        return !text.contains("wJalrXUtnFEMI") && !text.contains("SESSIONTOKEN") && !text.contains("secret-body")
    }

    @Test func jsonProtocolRequestIsSignedAndTargeted() async throws {
        let transport = FakeTransport(status: 200, body: #"{"Item":{"PK":{"S":"TENANT#acme"}}}"#)
        let db = DynamoDBClient(client: transport.client(.dynamoDB))
        let item = try await db.getItem(.init(tableName: "t", key: ["PK": .s("TENANT#acme")], consistentRead: true))
        #expect(item == ["PK": .s("TENANT#acme")])
        let request = try #require(transport.requests.first)
        #expect(request.url == "https://dynamodb.eu-west-2.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "DynamoDB_20120810.GetItem")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(request.headers["x-amz-security-token"] == "SESSIONTOKEN")
        #expect(request.headers["Authorization"]?.contains("/20231114/eu-west-2/dynamodb/aws4_request") == true)
        #expect(String(decoding: request.body, as: UTF8.self)
            == #"{"ConsistentRead":true,"Key":{"PK":{"S":"TENANT#acme"}},"TableName":"t"}"#)
    }

    @Test func malformedJSONResponseIsATypedError() async throws {
        let transport = FakeTransport(status: 200, body: #"{"Item": {"PK": secret-body"#)
        let db = DynamoDBClient(client: transport.client(.dynamoDB))
        let error = await #expect(throws: AWSResponseError.self) {
            try await db.getItem(.init(tableName: "t", key: [:]))
        }
        #expect(error?.operation == "GetItem")
        #expect(error?.status == 200)
        #expect(noLeak(error))
    }

    @Test func wrongShapeNamesThePathNotTheValue() async throws {
        let transport = FakeTransport(status: 200, body: #"{"Parameter":{"Name":"n","Value":42}}"#)
        let error = await #expect(throws: AWSResponseError.self) {
            try await SSMClient(client: transport.client(.ssm)).getParameter("n")
        }
        #expect(error?.reason == "wrong type at Parameter.Value")
    }

    @Test func nonJSONErrorBodyIsATypedErrorAfterRetries() async throws {
        let transport = FakeTransport(status: 502, body: "<html>secret-body Bad Gateway", headers: [("Content-Type", "text/html")])
        let error = await #expect(throws: AWSResponseError.self) {
            try await SSMClient(client: transport.client(.ssm)).getParameter("n")
        }
        #expect(error?.status == 502)
        #expect(transport.requests.count == 3)
        #expect(noLeak(error))
    }

    @Test func conditionalCheckFailureIsNotRetried() async throws {
        let transport = FakeTransport(status: 400, body: #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#)
        let db = DynamoDBClient(client: transport.client(.dynamoDB))
        let error = await #expect(throws: AWSError.self) {
            try await db.putItem(.init(tableName: "t", item: [:], conditionExpression: "attribute_not_exists(PK)"))
        }
        #expect(error?.code == "ConditionalCheckFailedException")
        #expect(transport.requests.count == 1)
    }

    @Test func throttlingThenSuccessIsRetriedAndReSigned() async throws {
        let transport = FakeTransport([
            .success(HTTPResponse(status: 400, body: Data(#"{"__type":"ThrottlingException"}"#.utf8))),
            .failure(.connectionRefused(host: "ssm")),
            .success(HTTPResponse(status: 200, body: Data(#"{"Parameter":{"Name":"n","Value":"v"}}"#.utf8))),
        ])
        let parameter = try await SSMClient(client: transport.client(.ssm)).getParameter("n")
        #expect(parameter.value == "v")
        #expect(transport.requests.count == 3)
        #expect(transport.requests.allSatisfy { $0.headers.values(for: "Authorization").count == 1 })
    }

    @Test func transportErrorsPassThroughTyped() async throws {
        let transport = FakeTransport([.failure(.dnsFailure(host: "ssm.eu-west-2.amazonaws.com"))])
        await #expect(throws: TransportError.dnsFailure(host: "ssm.eu-west-2.amazonaws.com")) {
            try await SSMClient(client: transport.client(.ssm)).getParameter("n")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func queryProtocolFormEncodesAndReadsXML() async throws {
        let xml = """
        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId>\
        <SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>\
        <Expiration>2026-11-25T12:34:56Z</Expiration></Credentials>\
        <AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/r/invoke-acme</Arn></AssumedRoleUser>\
        </AssumeRoleResult></AssumeRoleResponse>
        """
        let transport = FakeTransport(status: 200, body: xml)
        let role = try await STSClient(client: transport.client(.sts))
            .assumeRole(roleARN: "arn:aws:iam::1:role/r", sessionName: "invoke-acme", tags: ["tenantId": "acme"])
        #expect(role.credentials.accessKeyID == "ASIA1")
        #expect(role.credentials.expiration == Date(timeIntervalSince1970: 1_795_610_096))
        let body = String(decoding: try #require(transport.requests.first).body, as: UTF8.self)
        #expect(body == "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr"
            + "&RoleSessionName=invoke-acme&DurationSeconds=3600&Tags.member.1.Key=tenantId&Tags.member.1.Value=acme")
    }

    @Test func queryResponseWithoutCredentialsIsATypedError() async throws {
        let transport = FakeTransport(status: 200, body: "<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>")
        await #expect(throws: AWSResponseError.self) {
            try await STSClient(client: transport.client(.sts)).assumeRole(roleARN: "r", sessionName: "s")
        }
    }
}
