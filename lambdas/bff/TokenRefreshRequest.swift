import FoundationEssentials

/// `POST /v1/bff/token-refresh`: the caller's bearer token and the scopes it wants.
struct TokenRefreshRequest: Sendable, CustomStringConvertible {
    /// The caller's Entra access token, the OBO assertion. The authoriser already verified it.
    var assertion: String
    /// Validated, single-space separated scopes.
    var scope: String

    var description: String { "TokenRefreshRequest(scope: \(scope), assertion: <redacted>)" }

    init(authorization: String?, body: Data?, validator: ScopeValidator) throws(BFFError) {
        // Only a user's Entra token can be exchanged; a SigV4 caller has none.
        guard let authorization, authorization.count > 7,
              authorization.prefix(7).lowercased() == "bearer "
        else {
            throw BFFError(code: .forbidden, message: "token refresh needs a user's bearer token")
        }
        var request = try RequestBody(body, allowedFields: ["scope"])
        let scope = request.requiredString("scope")
        var validated = ""
        if let scope {
            do {
                validated = try validator.validate(scope)
            } catch {
                error.details.forEach { request.addProblem(field: $0.field, message: $0.message) }
            }
        }
        try request.validate()
        assertion = String(authorization.dropFirst(7)).trimmingSpaces()
        self.scope = validated
    }
}
