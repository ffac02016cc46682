import Testing
@testable import DataAccess

@Suite struct CallbackURLTests {
    static let receivers = LocalWebhookReceivers(endpoints: ["127.0.0.1:8123", "LOCALHOST:9000", "[::1]:9001", "localhost:80"])

    @Test func acceptsHTTPSToDNSNames() throws {
        for text in ["https://hooks.example.com/path?x=1", "https://a.example.com:8443", "HTTPS://Hooks.Example.com/",
                     "https://127.0.0.1.nip.io/x", "https://x1.example.c0m/"] {
            let url = try CallbackURL(validating: text, localReceivers: .none)
            #expect(url.rawValue == text && url.isHTTPS)
            #expect(url.isAllowed(localReceivers: .none))
        }
        let url = try CallbackURL(validating: "https://hooks.example.com", localReceivers: .none)
        #expect(url.host == "hooks.example.com" && url.port == 443 && url.endpoint == "hooks.example.com:443")
        #expect(try CallbackURL(validating: "https://a.example.com:8443/", localReceivers: .none).port == 8443)
    }

    @Test func allowsOnlyTheConfiguredLoopbackReceivers() throws {
        for text in ["http://localhost:9000/hook", "http://127.0.0.1:8123/hook", "http://[::1]:9001/x", "http://localhost/x"] {
            let url = try CallbackURL(validating: text, localReceivers: Self.receivers)
            #expect(url.isAllowed(localReceivers: Self.receivers))
            #expect(!url.isAllowed(localReceivers: .none))
            #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed, message: "must use https to a DNS host name")) {
                try CallbackURL(validating: text, localReceivers: .none)
            }
        }
        #expect(try CallbackURL(validating: "http://[::1]:9001/x", localReceivers: Self.receivers).host == "[::1]")
        // Any other loopback port (the Lambda emulator's invoke endpoint, moto) is refused.
        for text in ["http://127.0.0.1:9001/2015-03-31/functions/bridge/invocations", "http://localhost:8123/", "https://127.0.0.1/x",
                     "http://127.0.0.1/x"] {
            #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed,
                                            message: "must use https to a DNS host name, or be a configured local receiver")) {
                try CallbackURL(validating: text, localReceivers: Self.receivers)
            }
        }
    }

    @Test func readsReceiversOnlyInTheLocalEnvironment() {
        let list = " 127.0.0.1:8123 ,,localhost:9000"
        #expect(LocalWebhookReceivers(environment: ["PLATFORM_ENV": "local", "WEBHOOK_LOCAL_RECEIVERS": list]).endpoints
            == ["127.0.0.1:8123", "localhost:9000"])
        #expect(LocalWebhookReceivers(environment: ["PLATFORM_ENV": "prod", "WEBHOOK_LOCAL_RECEIVERS": list]) == .none)
        #expect(LocalWebhookReceivers(environment: ["PLATFORM_ENV": "local"]) == .none)
    }

    @Test func refusesHTTPToAnyOtherHost() {
        for receivers in [Self.receivers, .none] {
            #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed, message: "must use https to a DNS host name")) {
                try CallbackURL(validating: "http://hooks.example.com/x", localReceivers: receivers)
            }
        }
    }

    @Test(arguments: ["ftp://example.com", "https://", "https:///path", "https://user@example.com/", "https://example.com/#frag",
                      "https://exa mple.com", "https://example.com:0", "https://example.com:65536", "https://example.com:80a",
                      "https://example.com:123456", "https://a:b:c", "https://[::1", "https://[::1]x", "https://[::1]:",
                      "example.com", "https://例え.jp", "https://example.com/\u{1}", "https://example.com\\@evil.example.com/",
                      "https://hooks.example.com/a\\b"])
    func refusesMalformedURLs(_ text: String) {
        #expect(throws: ValidationError(field: "callbackUrl", code: .invalidFormat, message: "must be an absolute https URL")) {
            try CallbackURL(validating: text, localReceivers: Self.receivers)
        }
    }

    /// Every spelling of an IP address a resolver (inet_aton, a WHATWG URL parser) accepts.
    @Test(arguments: ["https://10.0.0.1/x", "https://169.254.169.254/", "https://0xa9.0xfe.0xa9.0xfe/", "https://0x7f.0x0.0x0.0x1/",
                      "https://2130706433/", "https://0177.0.0.1/", "https://127.1/", "https://0x7f000001/", "https://127.0.0.1./",
                      "https://1.2.3.0x/", "https://a.0x1f/", "https://example.123/", "https://[::ffff:127.0.0.1]/",
                      "https://[::ffff:7f00:1]/", "https://[fd00:ec2::254]/", "https://[fe80::1]/", "https://localhost/x",
                      "https://hooks.localhost/", "https://intranet/", "https://-a.example.com", "https://a-.example.com",
                      "https://a..example.com", "https://.example.com", "https://" + String(repeating: "a", count: 64) + ".com",
                      "https://a_b.example.com", "https://%31%32%37.0.0.1/"])
    func refusesHostsThatAreNotDNSNames(_ text: String) {
        #expect(throws: ValidationError.self) {
            try CallbackURL(validating: text, localReceivers: Self.receivers)
        }
        #expect(throws: ValidationError(field: "callbackUrl", code: .notAllowed, message: "must use https to a DNS host name")) {
            try CallbackURL(validating: text, localReceivers: .none)
        }
    }

    @Test func limitsTheLength() {
        let long = "https://example.com/" + String(repeating: "a", count: 2030)
        #expect(throws: ValidationError.self) { try CallbackURL(validating: long, localReceivers: .none) }
    }
}
