import Foundation
import Testing
@testable import AWSCore

/// Every case of the aws-c-auth SigV4 suite, signed in the header and in the query.
@Suite struct SigV4ConformanceTests {
    /// Listed here rather than read from disk, so a missing suite fails 76
    /// tests instead of running none.
    static let caseNames = [
        "get-header-key-duplicate", "get-header-value-multiline", "get-header-value-order",
        "get-header-value-trim", "get-relative-normalized", "get-relative-relative-normalized",
        "get-relative-relative-unnormalized", "get-relative-unnormalized", "get-slash-dot-slash-normalized",
        "get-slash-dot-slash-unnormalized", "get-slash-normalized", "get-slash-pointless-dot-normalized",
        "get-slash-pointless-dot-unnormalized", "get-slash-unnormalized", "get-slashes-normalized",
        "get-slashes-unnormalized", "get-space-normalized", "get-space-unnormalized", "get-unreserved",
        "get-utf8", "get-vanilla", "get-vanilla-empty-query-key", "get-vanilla-query",
        "get-vanilla-query-order-encoded", "get-vanilla-query-order-key-case", "get-vanilla-query-unreserved",
        "get-vanilla-utf8-query", "get-vanilla-with-session-token", "post-header-key-case",
        "post-header-key-sort", "post-header-value-case", "post-sts-header-after", "post-sts-header-before",
        "post-vanilla", "post-vanilla-empty-query-value", "post-vanilla-query", "post-x-www-form-urlencoded",
        "post-x-www-form-urlencoded-parameters",
    ]

    @Test func suiteHoldsExactlyTheListedCases() throws {
        let directory = try SigV4ConformanceCase.suiteDirectory()
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(onDisk == Self.caseNames.sorted())
    }

    @Test(arguments: caseNames) func headerSigning(_ name: String) throws {
        let suiteCase = try SigV4ConformanceCase(name: name)
        var request = suiteCase.request
        let signature = suiteCase.signer.signHeaders(&request, date: try suiteCase.date, payload: .signed)
        #expect(signature.canonicalRequest.text == (try suiteCase.expected("header-canonical-request.txt")))
        #expect(signature.stringToSignText == (try suiteCase.expected("header-string-to-sign.txt")))
        #expect(signature.signature == (try suiteCase.expected("header-signature.txt")))
        #expect(SigV4ConformanceCase.serialize(request) == (try suiteCase.expected("header-signed-request.txt")))

        // The public entry point produces the same request.
        var viaPublicAPI = suiteCase.request
        suiteCase.signer.sign(&viaPublicAPI, date: try suiteCase.date)
        #expect(viaPublicAPI == request)
    }

    @Test(arguments: caseNames) func querySigning(_ name: String) throws {
        let suiteCase = try SigV4ConformanceCase(name: name)
        var request = suiteCase.request
        let expires = suiteCase.context.expirationInSeconds
        let signature = suiteCase.signer.signQuery(&request, date: try suiteCase.date, expires: expires)
        #expect(signature.canonicalRequest.text == (try suiteCase.expected("query-canonical-request.txt")))
        #expect(signature.stringToSignText == (try suiteCase.expected("query-string-to-sign.txt")))
        #expect(signature.signature == (try suiteCase.expected("query-signature.txt")))
        #expect(SigV4ConformanceCase.serialize(request) == (try suiteCase.expected("query-signed-request.txt")))
        #expect(suiteCase.signer.presign(suiteCase.request, date: try suiteCase.date, expires: expires) == request)
    }
}
