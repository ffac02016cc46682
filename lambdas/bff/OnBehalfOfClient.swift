import AWSCore
import FoundationEssentials

/// Exchanges a caller's token for a downstream one through Entra's on-behalf-of flow,
/// with the client id and secret from Secrets Manager (cached).
struct OnBehalfOfClient: Sendable {
    let tokenURL: String
    let transport: any HTTPTransport
    let credentials: TimedCache<EntraClientCredentials>
    let now: @Sendable () -> Date

    /// How long the client credentials are kept before Secrets Manager is read again.
    static let credentialLifetime: TimeInterval = 300

    init(tokenURL: String, transport: any HTTPTransport, secrets: any SecretSource,
         clientIDSecret: String, clientSecretSecret: String, now: @escaping @Sendable () -> Date) {
        self.tokenURL = tokenURL
        self.transport = transport
        self.now = now
        credentials = TimedCache(lifetime: Self.credentialLifetime, now: now) {
            async let clientID = secrets.secretString(id: clientIDSecret)
            async let clientSecret = secrets.secretString(id: clientSecretSecret)
            return EntraClientCredentials(clientID: try await clientID, clientSecret: try await clientSecret)
        }
    }

    func exchange(assertion: String, scope: String) async throws(TokenExchangeError) -> IssuedToken {
        let clientCredentials: EntraClientCredentials
        do {
            clientCredentials = try await credentials.value()
        } catch {
            throw .unavailable(reason: "client credentials could not be read from Secrets Manager")
        }
        let request = OnBehalfOfRequest(tokenURL: tokenURL, credentials: clientCredentials, assertion: assertion, scope: scope)
        guard let httpRequest = request.httpRequest() else {
            throw .unavailable(reason: "the token endpoint URL is not absolute")
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(httpRequest)
        } catch {
            throw .unavailable(reason: "the token endpoint could not be reached")
        }
        switch TokenEndpointAnswer.interpret(response, requestedScope: scope, now: now()) {
        case .success(let token):
            return token
        case .failure(let failure):
            // A refused client usually means the secret was rotated: read it again next time.
            if case .rejected(401, _, _) = failure { await credentials.invalidate() }
            throw failure
        }
    }
}
