import AWSCore
import FoundationEssentials
import Testing
@testable import BFF

@Suite struct TokenEndpointAnswerTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func interpret(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Result<IssuedToken, TokenExchangeError> {
        TokenEndpointAnswer.interpret(HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)),
                                      requestedScope: "api://a/x", now: now)
    }

    @Test func readsSuccessWithNumericOrStringExpiry() throws {
        let numeric = try interpret(200, #"{"token_type":"Bearer","scope":"api://a/y","expires_in":3599,"access_token":"t1"}"#).get()
        #expect(numeric == IssuedToken(accessToken: "t1", tokenType: "Bearer", expiresAt: now.addingTimeInterval(3599), scope: "api://a/y"))
        let text = try interpret(200, #"{"token_type":"bearer","expires_in":"60","access_token":"t2"}"#).get()
        #expect(text.expiresAt == now.addingTimeInterval(60))
        #expect(text.scope == "api://a/x")
        #expect(text.tokenType == "Bearer")
    }

    @Test(arguments: [
        #"{"token_type":"Bearer","expires_in":3600}"#,
        #"{"token_type":"mac","expires_in":3600,"access_token":"t"}"#,
        #"{"token_type":"Bearer","expires_in":0,"access_token":"t"}"#,
        #"{"token_type":"Bearer","expires_in":"soon","access_token":"t"}"#,
        "not json",
    ])
    func unusableSuccessIsUnavailable(body: String) {
        guard case .failure(.unavailable) = interpret(200, body) else {
            Issue.record("expected unavailable")
            return
        }
    }

    @Test func errorKeepsStatusOAuthCodeAndRetryAfter() {
        #expect(interpret(429, #"{"error":"slow_down","error_description":"AADSTS secret-ish text"}"#, headers: [("Retry-After", " 7 ")])
            == .failure(.rejected(status: 429, entraError: "slow_down", retryAfterSeconds: 7)))
        #expect(interpret(400, #"{"error":"invalid_grant"}"#) == .failure(.rejected(status: 400, entraError: "invalid_grant", retryAfterSeconds: nil)))
        #expect(interpret(502, "<html>bad gateway</html>") == .failure(.rejected(status: 502, entraError: nil, retryAfterSeconds: nil)))
    }

    @Test func dropsErrorCodesThatAreNotPlainOAuthCodes() {
        #expect(interpret(400, #"{"error":"Bearer eyJhbGciOi.x.y"}"#) == .failure(.rejected(status: 400, entraError: nil, retryAfterSeconds: nil)))
        #expect(interpret(429, "{}", headers: [("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")])
            == .failure(.rejected(status: 429, entraError: nil, retryAfterSeconds: nil)))
    }
}
