import FoundationEssentials
import Testing
@testable import BFF

@Suite struct OnBehalfOfRequestTests {
    @Test func buildsTheOBOFormPost() throws {
        let request = OnBehalfOfRequest(
            tokenURL: "https://login.example.com/tid/oauth2/v2.0/token",
            credentials: EntraClientCredentials(clientID: "client id", clientSecret: "s+e/c=r&t"),
            assertion: "a.b.c", scope: "api://agent-platform/Agents.Invoke api://agent-platform/B"
        )
        let http = try #require(request.httpRequest())
        #expect(http.method == "POST")
        #expect(http.authority == "login.example.com")
        #expect(http.path == "/tid/oauth2/v2.0/token")
        #expect(http.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: http.body, as: UTF8.self) ==
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&client_id=client%20id"
            + "&client_secret=s%2Be%2Fc%3Dr%26t&assertion=a.b.c"
            + "&scope=api%3A%2F%2Fagent-platform%2FAgents.Invoke%20api%3A%2F%2Fagent-platform%2FB"
            + "&requested_token_use=on_behalf_of")
    }

    @Test func refusesRelativeTokenURL() {
        let request = OnBehalfOfRequest(tokenURL: "/token", credentials: .init(clientID: "c", clientSecret: "s"), assertion: "a", scope: "s")
        #expect(request.httpRequest() == nil)
    }

    @Test func formEncodingKeepsOnlyUnreservedBytes() {
        #expect(FormEncoding.escape("AZaz09-._~") == "AZaz09-._~")
        #expect(FormEncoding.escape(" é/") == "%20%C3%A9%2F")
    }

    @Test func credentialsAndTokensNeverPrint() {
        #expect(!"\(EntraClientCredentials(clientID: "c", clientSecret: "hunter2"))".contains("hunter2"))
        let token = IssuedToken(accessToken: "tok123", tokenType: "Bearer", expiresAt: Date(), scope: "s")
        #expect(!"\(token)".contains("tok123"))
    }
}
