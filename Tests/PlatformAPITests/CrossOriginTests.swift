import Testing
@testable import PlatformAPI

@Suite struct CrossOriginTests {
    @Test func theConsoleOriginIsAllowedAndItsHeadersExposed() {
        let headers = CrossOrigin.headers(consoleOrigin: "https://console.example.com")
        #expect(headers["Access-Control-Allow-Origin"] == "https://console.example.com")
        #expect(headers["Access-Control-Expose-Headers"]?.contains("x-amzn-RequestId") == true)
        #expect(headers["Vary"] == "Origin")
        #expect(CrossOrigin.headers(consoleOrigin: "http://127.0.0.1:4100")["Access-Control-Allow-Origin"] == "http://127.0.0.1:4100")
    }

    @Test func anythingButOneOriginAllowsNothing() {
        for value in [nil, "", "*", "null", "console.example.com", "https://", "https://a.example/path",
                      "https://user@a.example", "https://a.example, https://b.example", "ftp://a.example", "https://:80"] {
            #expect(CrossOrigin.headers(consoleOrigin: value).isEmpty, "\(value ?? "nil")")
        }
    }

    @Test func standardHeadersKeepTheCallersOwn() {
        let headers = APIResponse.standardHeaders(["Content-Type": "text/event-stream"])
        #expect(headers["Content-Type"] == "text/event-stream")
        // This test process has no CONSOLE_ORIGIN: nothing is added.
        #expect(headers.count == 1 + CrossOrigin.current.count)
    }
}
