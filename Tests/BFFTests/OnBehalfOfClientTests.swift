import FoundationEssentials
import Testing
@testable import BFF

@Suite struct OnBehalfOfClientTests {
    let clock = FakeClock()

    func client(_ endpoint: ScriptedTransport, secrets: FakeSecrets = .standard) -> OnBehalfOfClient {
        OnBehalfOfClient(tokenURL: "http://127.0.0.1:1/tid/oauth2/v2.0/token", transport: endpoint, secrets: secrets,
                         clientIDSecret: "platform/test/entra/client-id",
                         clientSecretSecret: "platform/test/entra/client-secret", now: clock.function)
    }

    @Test func exchangesWithTheClientCredentialsFromSecrets() async throws {
        let endpoint = ScriptedTransport(ScriptedTransport.success)
        let token = try await client(endpoint).exchange(assertion: "user.jwt", scope: "api://agent-platform/Agents.Invoke")
        #expect(token.accessToken == "downstream.jwt.token")
        #expect(token.expiresAt == clock.now.addingTimeInterval(3600))
        let form = String(decoding: try #require(endpoint.sent.first).body, as: UTF8.self)
        #expect(form.contains("client_id=bff-client&client_secret=s3cret-value&assertion=user.jwt"))
    }

    @Test func cachesCredentialsForFiveMinutes() async throws {
        let secrets = FakeSecrets(["platform/test/entra/client-id": "c", "platform/test/entra/client-secret": "s"])
        let obo = client(ScriptedTransport(ScriptedTransport.success), secrets: secrets)
        _ = try await obo.exchange(assertion: "a", scope: "s")
        _ = try await obo.exchange(assertion: "a", scope: "s")
        #expect(secrets.reads == 2)  // id and secret, once
        clock.advance(301)
        _ = try await obo.exchange(assertion: "a", scope: "s")
        #expect(secrets.reads == 4)
    }

    @Test func rejectedClientForgetsTheCachedSecret() async throws {
        let secrets = FakeSecrets(["platform/test/entra/client-id": "c", "platform/test/entra/client-secret": "old"])
        let endpoint = ScriptedTransport(ScriptedTransport.json(401, #"{"error":"invalid_client"}"#), ScriptedTransport.success)
        let obo = client(endpoint, secrets: secrets)
        await #expect(throws: TokenExchangeError.rejected(status: 401, entraError: "invalid_client", retryAfterSeconds: nil)) {
            try await obo.exchange(assertion: "a", scope: "s")
        }
        secrets.set("platform/test/entra/client-secret", "rotated")
        _ = try await obo.exchange(assertion: "a", scope: "s")
        #expect(String(decoding: endpoint.sent[1].body, as: UTF8.self).contains("client_secret=rotated"))
    }

    @Test func transportFailureAndMissingSecretAreUnavailable() async {
        await #expect(throws: TokenExchangeError.unavailable(reason: "the token endpoint could not be reached")) {
            try await client(ScriptedTransport(.failure)).exchange(assertion: "a", scope: "s")
        }
        let endpoint = ScriptedTransport(ScriptedTransport.success)
        await #expect(throws: TokenExchangeError.unavailable(reason: "client credentials could not be read from Secrets Manager")) {
            try await client(endpoint, secrets: FakeSecrets([:])).exchange(assertion: "a", scope: "s")
        }
        #expect(endpoint.sent.isEmpty)
    }
}
