import DataAccess

/// The BFF's settings, from the environment the infrastructure sets.
///
/// - `ENTRA_AUDIENCE`: the API's application id URI; requested scopes must start with it.
/// - `ENTRA_TOKEN_URL`: the token endpoint; when unset, derived from `ENTRA_ISSUER`
///   (`https://login.microsoftonline.com/{tid}/v2.0` -> `.../{tid}/oauth2/v2.0/token`).
/// - `PLATFORM_ENV`: names the client secrets `platform/{env}/entra/client-id|client-secret`.
/// - `SESSIONS_TABLE`, `AGENTS_TABLE`: see `TableNames`.
struct BFFConfiguration: Equatable, Sendable {
    struct Missing: Error, CustomStringConvertible {
        var variable: String
        var description: String { "environment variable \(variable) is required" }
    }

    static let runtimeRegionParameter = "/platform/config/runtime-region"

    var audience: String
    var tokenURL: String
    var clientIDSecret: String
    var clientSecretSecret: String
    var tables: TableNames

    init(environment: [String: String]) throws(Missing) {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        guard let audience = value("ENTRA_AUDIENCE") else { throw Missing(variable: "ENTRA_AUDIENCE") }
        guard let tokenURL = value("ENTRA_TOKEN_URL") ?? value("ENTRA_ISSUER").map(Self.tokenURL(fromIssuer:)) else {
            throw Missing(variable: "ENTRA_TOKEN_URL or ENTRA_ISSUER")
        }
        guard let env = value("PLATFORM_ENV") else { throw Missing(variable: "PLATFORM_ENV") }
        self.audience = audience
        self.tokenURL = tokenURL
        clientIDSecret = "platform/\(env)/entra/client-id"
        clientSecretSecret = "platform/\(env)/entra/client-secret"
        tables = TableNames(environment: environment)
    }

    /// Entra's v2 token endpoint sits beside the issuer: `{authority}/oauth2/v2.0/token`.
    static func tokenURL(fromIssuer issuer: String) -> String {
        var authority = issuer
        while authority.hasSuffix("/") { authority.removeLast() }
        if authority.hasSuffix("/v2.0") { authority.removeLast("/v2.0".count) }
        return authority + "/oauth2/v2.0/token"
    }
}
