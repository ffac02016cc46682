import Testing
@testable import AWSCore

@Suite struct SigV4AuthorizationTests {
    static let signature = String(repeating: "ab", count: 32)
    static let valid = "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=\(signature)"

    @Test func parsesTheThreeComponents() throws {
        let authorization = try SigV4Authorization(header: Self.valid)
        #expect(authorization.accessKeyID == "AKID")
        #expect(authorization.dateStamp == "20150830")
        #expect(authorization.region == "us-east-1")
        #expect(authorization.service == "service")
        #expect(authorization.signedHeaders == ["host", "x-amz-date"])
        #expect(authorization.signature == Self.signature)
        #expect(!authorization.description.contains(Self.signature))
        #expect(authorization.description.contains("AKID"))
    }

    @Test func acceptsComponentsWithoutSpaces() throws {
        let compact = Self.valid.replacing(", ", with: ",")
        #expect(try SigV4Authorization(header: compact) == SigV4Authorization(header: Self.valid))
    }

    @Test(arguments: [
        ("", SigV4VerificationError.malformed(.header)),
        ("Bearer abc.def.ghi", .malformed(.header)),
        ("AWS4-ECDSA-P256-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request", .unsupportedAlgorithm),
        ("AWS4-HMAC-SHA256 Credential", .malformed(.header)),
        ("AWS4-HMAC-SHA256 Nonsense=1", .malformed(.header)),
        ("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=\(signature)", .malformed(.credential)),
        ("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, Signature=\(signature)", .malformed(.signedHeaders)),
        ("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host", .malformed(.signature)),
        (valid + ", Signature=\(signature)", .malformed(.header)),
        (valid.replacing("aws4_request", with: "aws5_request"), .malformed(.credential)),
        (valid.replacing("AKID/", with: "/"), .malformed(.credential)),
        (valid.replacing("/20150830/", with: "/2015083/"), .malformed(.credential)),
        (valid.replacing("/20150830/", with: "/2015083x/"), .malformed(.credential)),
        (valid.replacing("/us-east-1/", with: "//"), .malformed(.credential)),
        (valid.replacing("/service/", with: "//"), .malformed(.credential)),
        (valid.replacing("/us-east-1/", with: "/us-east-1/extra/"), .malformed(.credential)),
        (valid.replacing("host;x-amz-date", with: "x-amz-date;host"), .malformed(.signedHeaders)),
        (valid.replacing("host;x-amz-date", with: "host;host"), .malformed(.signedHeaders)),
        (valid.replacing("host;x-amz-date", with: "Host;x-amz-date"), .malformed(.signedHeaders)),
        (valid.replacing("host;x-amz-date", with: "host;;x-amz-date"), .malformed(.signedHeaders)),
        (valid.replacing("host;x-amz-date", with: ""), .malformed(.signedHeaders)),
        (valid.replacing(signature, with: String(signature.dropLast())), .malformed(.signature)),
        (valid.replacing(signature, with: signature.uppercased()), .malformed(.signature)),
    ])
    func rejectsMalformedHeaders(header: String, expected: SigV4VerificationError) {
        #expect(throws: expected) { try SigV4Authorization(header: header) }
    }
}
