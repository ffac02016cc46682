import AWSCore
import FoundationEssentials

/// The Entra ID on-behalf-of token request, as a plain value
/// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow).
struct OnBehalfOfRequest: Sendable {
    static let grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    var tokenURL: String
    var credentials: EntraClientCredentials
    /// The caller's bearer token, exchanged for one limited to `scope`.
    var assertion: String
    var scope: String

    var formFields: [(String, String)] {
        [
            ("grant_type", Self.grantType),
            ("client_id", credentials.clientID),
            ("client_secret", credentials.clientSecret),
            ("assertion", assertion),
            ("scope", scope),
            ("requested_token_use", "on_behalf_of"),
        ]
    }

    /// The POST to send; nil when `tokenURL` is not an absolute URL.
    func httpRequest() -> HTTPRequest? {
        let headers = HTTPHeaders([
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "application/json"),
        ])
        return HTTPRequest(method: "POST", url: tokenURL, headers: headers, body: Data(FormEncoding.encode(formFields).utf8))
    }
}
