import Foundation
import Testing
@testable import AWSCore

@Suite struct SigV4VerifierTests {
    static let secret = "tenant-api-key-secret-0123456789abcdefghij"
    static let signedAt = Date(timeIntervalSince1970: 1_795_685_415)  // 2026-11-26T09:30:15Z
    static let verifier = SigV4Verifier(region: "eu-west-2", service: "execute-api", requiredSignedHeaders: ["host", "x-amz-date", "x-tenant-id"])

    /// Signed once with botocore 1.43.11 `SigV4Auth(credentials, "execute-api", "eu-west-2")`
    /// at 2026-11-26T09:30:15Z; botocore signs Host from the URL without adding the header.
    static let botocoreSigned = HTTPRequest(
        method: "POST",
        url: "https://api.example.com/v1/agents/my%20agent/invoke?mode=sync&b=2",
        headers: HTTPHeaders([
            ("Content-Type", "application/json"),
            ("X-Tenant-Id", "acme"),
            ("X-Amz-Date", "20261126T093015Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTENANTKEY0000001/20261126/eu-west-2/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-tenant-id, Signature=2d40bf5d97b8eb7e90e650614d50d0ced771c0bcaa0c76ec4f103a23196c1356"),
        ]),
        body: Data(#"{"input":"hello world"}"#.utf8)
    )!

    static func signed(
        _ mutate: (inout HTTPRequest) -> Void = { _ in }, service: String = "execute-api", region: String = "eu-west-2",
        payload: SigV4Payload = .signed, options: SigV4Options? = nil
    ) -> HTTPRequest {
        var request = HTTPRequest(
            method: "POST", authority: "abc.execute-api.eu-west-2.amazonaws.com", path: "/v1/invoke/a%2Fb/./c",
            query: "z=1&a=%20x", headers: HTTPHeaders([("X-Tenant-Id", "acme"), ("Content-Type", "application/json")]),
            body: Data(#"{"prompt":"hi"}"#.utf8)
        )
        mutate(&request)
        let credentials = AWSCredentials(accessKeyID: "AKIDTENANT", secretAccessKey: secret)
        let signer = SigV4Signer(credentials: credentials, region: region, service: service, options: options ?? SigV4Options(service: service))
        signer.sign(&request, date: signedAt, payload: payload)
        return request
    }

    @Test func acceptsARequestSignedByBotocore() throws {
        let authorization = try SigV4Verifier.authorization(of: Self.botocoreSigned)
        #expect(authorization.accessKeyID == "AKIDTENANTKEY0000001")
        try Self.verifier.verify(Self.botocoreSigned, authorization: authorization, secretAccessKey: Self.secret, now: Self.signedAt)
    }

    @Test func rejectsTheBotocoreRequestOnceTampered() {
        var request = Self.botocoreSigned
        request.body = Data(#"{"input":"hello World"}"#.utf8)
        #expect(throws: SigV4VerificationError.signatureMismatch) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
        request = Self.botocoreSigned
        request.headers.set("X-Tenant-Id", "other-tenant")
        #expect(throws: SigV4VerificationError.signatureMismatch) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
        #expect(throws: SigV4VerificationError.signatureMismatch) {
            try Self.verifier.verify(Self.botocoreSigned, secretAccessKey: "wrong-secret", now: Self.signedAt)
        }
    }

    @Test func acceptsOwnSignaturesAndReturnsTheAuthorization() throws {
        let authorization = try Self.verifier.verify(Self.signed(), secretAccessKey: Self.secret, now: Self.signedAt)
        #expect(authorization.accessKeyID == "AKIDTENANT")
        #expect(authorization.signedHeaders == ["content-type", "host", "x-amz-date", "x-tenant-id"])
    }

    @Test func acceptsTheDeclaredPayloadHashIncludingUnsignedPayload() throws {
        let options = SigV4Options(normalizesPath: true, encodesPathTwice: true, addsContentSHA256Header: true)
        var request = Self.signed(payload: .unsigned, options: options)
        #expect(request.headers["x-amz-content-sha256"] == "UNSIGNED-PAYLOAD")
        request.body = Data("a different body".utf8)
        try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)

        request.headers.set("x-amz-content-sha256", String(repeating: "0", count: 64))
        #expect(throws: SigV4VerificationError.signatureMismatch) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
    }

    @Test func allowsExactlyTheConfiguredClockSkew() throws {
        let request = Self.signed()
        try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt.addingTimeInterval(300))
        try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt.addingTimeInterval(-300))
        #expect(throws: SigV4VerificationError.staleDate) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt.addingTimeInterval(301))
        }
        #expect(throws: SigV4VerificationError.futureDate) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt.addingTimeInterval(-301))
        }
    }

    @Test func rejectsAScopeForAnotherServiceRegionOrDay() {
        #expect(throws: SigV4VerificationError.credentialScopeMismatch(.service)) {
            try Self.verifier.verify(Self.signed(service: "s3"), secretAccessKey: Self.secret, now: Self.signedAt)
        }
        #expect(throws: SigV4VerificationError.credentialScopeMismatch(.region)) {
            try Self.verifier.verify(Self.signed(region: "eu-west-1"), secretAccessKey: Self.secret, now: Self.signedAt)
        }
        var request = Self.signed()
        request.headers.set("Authorization", request.headers["authorization"]!.replacing("/20261126/", with: "/20261125/"))
        #expect(throws: SigV4VerificationError.credentialScopeMismatch(.date)) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
    }

    @Test func rejectsAMissingOrMalformedDate() {
        var request = Self.signed()
        request.headers.remove("X-Amz-Date")
        #expect(throws: SigV4VerificationError.malformed(.date)) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
        request.headers.set("X-Amz-Date", "2026-11-26T09:30:15Z")
        #expect(throws: SigV4VerificationError.malformed(.date)) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
    }

    @Test func requiresTheRequiredHeadersToBeSignedAndPresent() {
        let unsignedTenant = Self.signed { $0.headers.remove("X-Tenant-Id") }
        #expect(throws: SigV4VerificationError.missingSignedHeader("x-tenant-id")) {
            try Self.verifier.verify(unsignedTenant, secretAccessKey: Self.secret, now: Self.signedAt)
        }
        var droppedAfterSigning = Self.signed()
        droppedAfterSigning.headers.remove("Content-Type")
        #expect(throws: SigV4VerificationError.missingSignedHeader("content-type")) {
            try Self.verifier.verify(droppedAfterSigning, secretAccessKey: Self.secret, now: Self.signedAt)
        }
    }

    @Test func rejectsARequestWithoutAuthorization() {
        var request = Self.signed()
        request.headers.remove("Authorization")
        #expect(throws: SigV4VerificationError.malformed(.header)) {
            try Self.verifier.verify(request, secretAccessKey: Self.secret, now: Self.signedAt)
        }
    }

    @Test func defaultsRequireHostAndDateWithFiveMinutesOfSkew() {
        let verifier = SigV4Verifier(region: "eu-west-2", service: "execute-api")
        #expect(verifier.requiredSignedHeaders == ["host", "x-amz-date"])
        #expect(verifier.allowedClockSkew == 300)
        #expect(SigV4Verifier(region: "r", service: "s", requiredSignedHeaders: ["X-Tenant-Id"]).requiredSignedHeaders == ["x-tenant-id"])
    }

    @Test func comparesSignaturesOfAnyLength() {
        #expect(SigV4Verifier.constantTimeEquals("abc", "abc"))
        #expect(!SigV4Verifier.constantTimeEquals("abc", "abd"))
        #expect(!SigV4Verifier.constantTimeEquals("abc", "abcd"))
    }

    @Test func errorsNameThePartButNeverTheSignatureOrSecret() throws {
        let signature = try #require(Self.botocoreSigned.headers["authorization"]?.split(separator: "=").last)
        let errors: [SigV4VerificationError] = [
            .malformed(.header), .malformed(.credential), .malformed(.signedHeaders), .malformed(.signature), .malformed(.date),
            .unsupportedAlgorithm, .missingSignedHeader("x-tenant-id"), .credentialScopeMismatch(.service),
            .credentialScopeMismatch(.region), .credentialScopeMismatch(.date), .staleDate, .futureDate, .signatureMismatch,
        ]
        for error in errors {
            #expect(!error.description.contains(signature))
            #expect(!error.description.contains(Self.secret))
            #expect(error.code.hasPrefix("sigv4."))
        }
        #expect(Set(errors.map(\.code)).count == errors.count)
        #expect(SigV4VerificationError.malformed(.credential).code == "sigv4.malformed.credential")
        #expect(SigV4VerificationError.missingSignedHeader("x-tenant-id").description.contains("x-tenant-id"))
    }
}
