import Testing
@testable import AWSCore

@Suite struct HTTPRequestTests {
    @Test func parsesURLIntoRawParts() throws {
        let request = try #require(HTTPRequest(method: "GET", url: "https://example.amazonaws.com:8443/a%20b/c?x=1&y=%2F"))
        #expect(request.scheme == "https")
        #expect(request.authority == "example.amazonaws.com:8443")
        #expect(request.host == "example.amazonaws.com")
        #expect(request.path == "/a%20b/c")
        #expect(request.query == "x=1&y=%2F")
        #expect(request.url == "https://example.amazonaws.com:8443/a%20b/c?x=1&y=%2F")
    }

    @Test func defaultsPathToSlashAndRejectsHostlessURLs() throws {
        let request = try #require(HTTPRequest(method: "GET", url: "http://127.0.0.1:5000"))
        #expect(request.path == "/")
        #expect(request.query.isEmpty)
        #expect(HTTPRequest(method: "GET", url: "not a url") == nil)
        #expect(HTTPRequest(method: "GET", url: "https:///path") == nil)
    }

    @Test func headersKeepOrderAndDuplicates() {
        var headers = HTTPHeaders([("My-Header1", "a"), ("my-header1", "b")])
        #expect(headers["MY-HEADER1"] == "a")
        #expect(headers.values(for: "my-header1") == ["a", "b"])
        headers.set("My-Header1", "c")
        #expect(headers.values(for: "my-header1") == ["c"])
        headers.remove("my-header1")
        #expect(!headers.contains("My-Header1"))
    }

    @Test func credentialsNeverPrintTheSecret() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s3cr3t", sessionToken: "tok")
        #expect(!"\(credentials)".contains("s3cr3t"))
        #expect(!"\(credentials)".contains("tok"))
    }
}
