import Testing
import PlatformAPI
@testable import BFF

@Suite struct TokenExchangeErrorTests {
    @Test(arguments: [
        (400, APIError.Code.invalidRequest), (401, .unauthenticated), (403, .forbidden), (429, .throttled),
        (404, .serviceUnavailable), (409, .serviceUnavailable), (500, .serviceUnavailable), (503, .serviceUnavailable),
    ])
    func mapsEntraStatus(status: Int, code: APIError.Code) {
        let error = TokenExchangeError.rejected(status: status, entraError: "some_error", retryAfterSeconds: nil).apiError
        #expect(error.code == code)
        #expect(error.status == (code == .serviceUnavailable ? 503 : status))
    }

    @Test func throttlingCarriesRetryAfterOrTheDefault() {
        #expect(TokenExchangeError.rejected(status: 429, entraError: nil, retryAfterSeconds: 12).apiError.retryAfterSeconds == 12)
        #expect(TokenExchangeError.rejected(status: 429, entraError: nil, retryAfterSeconds: nil).apiError.retryAfterSeconds
            == TokenExchangeError.defaultRetryAfterSeconds)
        #expect(TokenExchangeError.rejected(status: 400, entraError: nil, retryAfterSeconds: 12).apiError.retryAfterSeconds == nil)
    }

    @Test func transportFailureIs503() {
        #expect(TokenExchangeError.unavailable(reason: "x").apiError.code == .serviceUnavailable)
    }

    @Test func messagesNameTheOAuthCodeOnly() {
        let error = TokenExchangeError.rejected(status: 400, entraError: "invalid_grant", retryAfterSeconds: nil)
        #expect(error.apiError.message.contains("invalid_grant"))
        #expect(error.logSummary == "identity provider status 400 invalid_grant")
    }
}
