import Foundation
import Testing
@testable import AWSCore

@Suite struct SigV4SignerTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    @Test func s3SignsThePathAsSentAndSendsTheContentHash() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "eu-west-2", service: "s3")
        var request = HTTPRequest(method: "PUT", authority: "bucket.s3.eu-west-2.amazonaws.com", path: "/a//b/../my%20key+1 raw%4%", body: Data("hello".utf8))
        let signature = signer.signHeaders(&request, date: Self.date, payload: .signed)
        let lines = signature.canonicalRequest.text.split(separator: "\n", omittingEmptySubsequences: false)
        // No normalisation, no second encoding; a raw byte is encoded once.
        #expect(lines[1] == "/a//b/../my%20key%2B1%20raw%254%25")
        let bodyHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        #expect(request.headers["x-amz-content-sha256"] == bodyHash)
        #expect(lines.last.map(String.init) == bodyHash)
        #expect(signature.canonicalRequest.text.contains("x-amz-content-sha256:\(bodyHash)\n"))
    }

    @Test func otherServicesNormaliseAndEncodeThePathTwice() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "eu-west-2", service: "execute-api")
        var request = HTTPRequest(method: "GET", authority: "api.example.com", path: "/a//b/../my%20key")
        let signature = signer.signHeaders(&request, date: Self.date, payload: .signed)
        #expect(signature.canonicalRequest.text.hasPrefix("GET\n/a/my%2520key\n"))
        #expect(request.headers["x-amz-content-sha256"] == nil)
    }

    @Test func unsignedAndPrecomputedPayloadsAreSignedAsGiven() {
        let options = SigV4Options(normalizesPath: true, encodesPathTwice: true, addsContentSHA256Header: true)
        let signer = SigV4Signer(credentials: Self.credentials, region: "eu-west-2", service: "service", options: options)
        var unsigned = HTTPRequest(method: "PUT", authority: "h", body: Data("x".utf8))
        #expect(signer.signHeaders(&unsigned, date: Self.date, payload: .unsigned).canonicalRequest.text.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(unsigned.headers["x-amz-content-sha256"] == "UNSIGNED-PAYLOAD")
        var precomputed = HTTPRequest(method: "PUT", authority: "h")
        let marker = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
        #expect(signer.signHeaders(&precomputed, date: Self.date, payload: .precomputed(marker)).canonicalRequest.text.hasSuffix("\n\(marker)"))
    }

    @Test func addsHostAndTokenAndReplacesEarlierSigningHeaders() throws {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token-1")
        let signer = SigV4Signer(credentials: credentials, region: "eu-west-2", service: "execute-api")
        var request = HTTPRequest(method: "GET", authority: "api.example.com:8443", path: "/", headers: HTTPHeaders([("User-Agent", "test")]))
        signer.sign(&request, date: Self.date)
        #expect(request.headers["host"] == "api.example.com:8443")
        #expect(request.headers["x-amz-security-token"] == "token-1")
        let first = try #require(request.headers["authorization"])
        #expect(first.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))

        // Signing again (a retry, a day later) replaces rather than duplicates.
        signer.sign(&request, date: Self.date.addingTimeInterval(86_400))
        #expect(request.headers.values(for: "authorization").count == 1)
        #expect(request.headers.values(for: "x-amz-date") == ["20150831T123600Z"])
        #expect(request.headers.values(for: "x-amz-security-token") == ["token-1"])
        #expect(request.headers.values(for: "host").count == 1)
        #expect(request.headers["authorization"] != first)
    }

    @Test func presignsS3WithAnUnsignedPayloadAndAnEncodedToken() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "a/b+c=")
        let signer = SigV4Signer(credentials: credentials, region: "eu-west-2", service: "s3")
        let request = HTTPRequest(method: "GET", authority: "bucket.s3.eu-west-2.amazonaws.com", path: "/key", query: "versionId=3")
        var presigned = request
        let signature = signer.signQuery(&presigned, date: Self.date, expires: 900)
        #expect(signature.canonicalRequest.text.hasSuffix("\nhost\nUNSIGNED-PAYLOAD"))
        #expect(presigned.query.hasPrefix("versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830%2Feu-west-2%2Fs3%2Faws4_request&"))
        #expect(presigned.query.contains("&X-Amz-Expires=900&X-Amz-Security-Token=a%2Fb%2Bc%3D&X-Amz-Signature=\(signature.signature)"))
        #expect(signer.presign(request, date: Self.date, expires: 900) == presigned)
        #expect(presigned.headers.fields.isEmpty)
    }

    @Test func derivesTheDocumentedSigningKeyAndCachesIt() {
        // The signing key of the AWS documentation example (secret wJalr..., 20150830/us-east-1/iam).
        let key = SigV4SigningKey(secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", dateStamp: "20150830", region: "us-east-1", service: "iam")
        #expect(key.hmac.authenticationCode(for: "").hex == Self.hex("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9").withUnsafeBytes { HMACKey($0) }.authenticationCode(for: "").hex)
        #expect(key.scope == "20150830/us-east-1/iam/aws4_request")

        let cache = SigV4SigningKeyCache(capacity: 2)
        let first = cache.signingKey(secret: "s", dateStamp: "20150830", region: "r", service: "a")
        _ = cache.signingKey(secret: "s", dateStamp: "20150830", region: "r", service: "b")
        #expect(cache.count == 2)
        // Found in the dictionary (not the most recent), then evicting on a third key.
        #expect(cache.signingKey(secret: "s", dateStamp: "20150830", region: "r", service: "a").scope == first.scope)
        _ = cache.signingKey(secret: "s", dateStamp: "20150831", region: "r", service: "a")
        #expect(cache.count == 1)
    }

    @Test func hmacHashesKeysLongerThanABlock() {
        // RFC 4231 test case 6: a 131-byte key.
        let key = [UInt8](repeating: 0xAA, count: 131)
        let mac = key.withUnsafeBytes { HMACKey($0) }.authenticationCode(for: "Test Using Larger Than Block-Size Key - Hash Key First")
        #expect(mac.hex == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func timestampsFormatAndParseUTC() throws {
        #expect(SigV4Timestamp(Self.date).amzDate == "20150830T123600Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 951_782_399.9)).amzDate == "20000228T235959Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: -1)).amzDate == "19691231T235959Z")
        #expect(SigV4Timestamp(amzDate: "20000229T000000Z")?.secondsSince1970 == 951_782_400)
        for invalid in ["20150830T123600", "2015-08-30T12:36:00Z", "20150230T000000Z", "20151301T000000Z", "20150830T246000Z", "2015083xT123600Z"] {
            #expect(SigV4Timestamp(amzDate: invalid) == nil, "\(invalid)")
        }
    }

    @Test func queryCanonicalisationDecodesAndReencodes() {
        var output = SigV4ByteWriter(capacity: 4)
        SigV4CanonicalRequest.writeQuery("b=%7e&a=1+2&a=%2f&c&&d=%zz&%41=x", adding: [("sp ace", "v/")], to: &output)
        #expect(String(decoding: output.bytes, as: UTF8.self) == "A=x&a=%2F&a=1%2B2&b=~&c=&d=%25zz&sp%20ace=v%2F")
    }

    @Test func neverSignsHopByHopHeaders() throws {
        let skipped = [
            "TE", "Expect", "Upgrade", "Trailer", "Connection", "Keep-Alive", "User-Agent", "Authorization",
            "X-Amzn-Trace-Id", "Transfer-Encoding", "Proxy-Authenticate", "Proxy-Authorization",
        ]
        let kept = ["tf", "expecT2", "upgrad3", "x-amzn-trace-ie", "content-md5", "x-tenant-id", "content-length", "x-amz-meta-abcdefghijk"]
        let signer = SigV4Signer(credentials: Self.credentials, region: "eu-west-2", service: "execute-api")
        var request = HTTPRequest(method: "GET", authority: "h", headers: HTTPHeaders((skipped + kept).map { ($0, "v") }))
        let signature = signer.signHeaders(&request, date: Self.date, payload: .signed)
        let expected = (kept.map { $0.lowercased() } + ["host", "x-amz-date"]).sorted().joined(separator: ";")
        #expect(String(decoding: signature.canonicalRequest.signedHeaders, as: UTF8.self) == expected)
    }

    static func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16)! }
    }
}
