import FoundationEssentials
import Testing
@testable import AWSCore

@Suite struct AWSErrorParserTests {
    func parse(_ status: Int, _ body: String, headers: [(String, String)] = []) -> any Error {
        AWSErrorParser.error(from: HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)),
                             service: "DynamoDB", operation: "PutItem")
    }

    @Test func readsJSONTypeWithNamespaceAndMessage() {
        let error = parse(400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#,
                          headers: [("x-amzn-RequestId", "REQ1")])
        #expect(error as? AWSError == AWSError(service: "DynamoDB", code: "ConditionalCheckFailedException",
                                               message: "The conditional request failed", status: 400, requestID: "REQ1"))
    }

    @Test func readsRestJSONCodeFromHeaderAndCapitalMessage() {
        let error = parse(404, #"{"Message":"Function not found","Type":"User"}"#,
                          headers: [("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/")])
        #expect((error as? AWSError)?.code == "ResourceNotFoundException")
        #expect((error as? AWSError)?.message == "Function not found")
    }

    @Test func readsQueryXMLErrors() {
        let xml = """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>
          <RequestId>abc-123</RequestId>
        </ErrorResponse>
        """
        let error = parse(403, xml)
        #expect(error as? AWSError == AWSError(service: "DynamoDB", code: "SignatureDoesNotMatch",
                                               message: "The request signature we calculated does not match",
                                               status: 403, requestID: "abc-123"))
    }

    @Test func readsS3XMLErrors() {
        let error = parse(404, "<?xml version=\"1.0\"?>\n<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>r</RequestId></Error>")
        #expect((error as? AWSError)?.code == "NoSuchKey")
        #expect((error as? AWSError)?.requestID == "r")
    }

    @Test func nonJSONNonXMLBodyIsATypedErrorWithTheStatus() throws {
        let error = try #require(parse(502, "<<<Bad Gateway", headers: [("Content-Type", "text/html")]) as? AWSResponseError)
        #expect(error.status == 502)
        #expect(error.operation == "PutItem")
        let plain = try #require(parse(500, "Internal Server Error") as? AWSResponseError)
        #expect(plain.status == 500)
        #expect(!plain.description.contains("Internal Server Error"))
    }

    @Test func malformedJSONErrorBodyIsATypedError() {
        #expect((parse(400, #"{"__type": "#) as? AWSResponseError)?.status == 400)
        #expect((parse(400, #"{"unrelated": 1}"#) as? AWSResponseError)?.status == 400)
    }

    @Test func emptyBodyUsesTheHeaderCodeOrReportsTheStatus() {
        #expect((parse(403, "", headers: [("x-amzn-ErrorType", "AccessDeniedException")]) as? AWSError)?.code == "AccessDeniedException")
        #expect((parse(404, "  ") as? AWSResponseError)?.reason == "error response with an empty body")
    }
}
