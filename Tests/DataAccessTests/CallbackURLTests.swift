import Testing
@testable import DataAccess

@Suite struct CallbackURLTests {
    @Test func acceptsHTTPSToDNSNames() throws {
        for text in ["https://hooks.example.com/path?x=1", "https://a.example.com:8443", "HTTPS://Hooks.Example.com/"] {
            let url = try CallbackURL(validating: text, localEnvironment: false)
            #expect(url.rawValue == text && url.isHTTPS)
            #expect(url.isAllowed(localEnvironment: false))
        }
        #expect(try CallbackURL(validating: "https://hooks.example.com", localEnvironment: false).host == "hooks.example.com")
    }

    @Test func allowsLoopbackOnlyInTheLocalEnvironment() throws {
        for text in ["http://localhost:8080/hook", "http://127.0.0.1/hook", "http://[::1]:9000/x", "https://localhost/x"] {
            let url = try CallbackURL(validating: text, localEnvironment: true)
            #expect(url.isAllowed(localEnvironment: true))
            #expect(!url.isAllowed(localEnvironment: false))
            #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed, message: "must use https to a DNS host name")) {
                try CallbackURL(validating: text, localEnvironment: false)
            }
        }
        #expect(try CallbackURL(validating: "http://[::1]/x", localEnvironment: true).host == "[::1]")
    }

    @Test func refusesHTTPToAnyOtherHost() {
        for local in [true, false] {
            #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed, message: "must use https to a DNS host name")) {
                try CallbackURL(validating: "http://hooks.example.com/x", localEnvironment: local)
            }
        }
    }

    @Test(arguments: ["ftp://example.com", "https://", "https:///path", "https://user@example.com/", "https://example.com/#frag",
                      "https://exa mple.com", "https://example.com:0", "https://example.com:65536", "https://example.com:80a",
                      "https://example.com:123456", "https://a:b:c", "https://[::1", "https://[::1]x", "https://[::1]:",
                      "example.com", "https://例え.jp", "https://example.com/\u{1}"])
    func refusesMalformedURLs(_ text: String) {
        #expect(throws: ValidationError(field: "callbackUrl", code: .invalidFormat, message: "must be an absolute https URL")) {
            try CallbackURL(validating: text, localEnvironment: true)
        }
    }

    @Test(arguments: ["https://10.0.0.1/x", "https://169.254.169.254/", "https://intranet/", "https://-a.example.com",
                      "https://a-.example.com", "https://a..example.com", "https://" + String(repeating: "a", count: 64) + ".com",
                      "https://[fe80::1]/", "https://a_b.example.com"])
    func refusesHostsThatAreNotDNSNames(_ text: String) {
        #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed, message: "must use https to a DNS host name")) {
            try CallbackURL(validating: text, localEnvironment: false)
        }
    }

    @Test func limitsTheLength() {
        let long = "https://example.com/" + String(repeating: "a", count: 2030)
        #expect(throws: ValidationError.self) { try CallbackURL(validating: long, localEnvironment: false) }
    }
}
