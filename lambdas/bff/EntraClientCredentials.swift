/// The BFF's confidential-client credentials for the Entra token endpoint.
///
/// `description` hides the secret so a stray interpolation cannot leak it.
struct EntraClientCredentials: Equatable, Sendable, CustomStringConvertible {
    var clientID: String
    var clientSecret: String

    var description: String { "EntraClientCredentials(clientID: \(clientID), secret: <redacted>)" }
}
