import PlatformAPI

/// Checks the scopes a token-refresh asks for: each must be a named permission
/// of this API (`{ENTRA_AUDIENCE}/<name>`), never `.default`, which would grant
/// every permission the app has been consented.
struct ScopeValidator: Sendable {
    let audience: String
    static let maximumLength = 1024

    /// Returns the scopes, single-space separated, or throws `INVALID_REQUEST` listing every problem.
    func validate(_ scope: String) throws(BFFError) -> String {
        guard !scope.isEmpty, scope.utf8.count <= Self.maximumLength else {
            throw invalid([detail("must be 1-\(Self.maximumLength) characters")])
        }
        let scopes = scope.split(separator: " ", omittingEmptySubsequences: true)
        guard !scopes.isEmpty else { throw invalid([detail("must name at least one scope")]) }
        let prefix = audience + "/"
        var problems: [APIError.Detail] = []
        for (index, item) in scopes.enumerated() {
            let position = "scope \(index + 1)"
            guard item.hasPrefix(prefix) else {
                problems.append(detail("\(position) must start with \(prefix)"))
                continue
            }
            let name = item.dropFirst(prefix.count)
            if name.lowercased() == ".default" {
                problems.append(detail("\(position): .default is not allowed; request named scopes"))
            } else if name.isEmpty || !name.allSatisfy(Self.isPermissionCharacter) {
                problems.append(detail("\(position) must name a permission (letters, digits, '.', '_', '-')"))
            }
        }
        guard problems.isEmpty else { throw invalid(problems) }
        return scopes.joined(separator: " ")
    }

    private func invalid(_ problems: [APIError.Detail]) -> BFFError {
        .invalidRequest("scope is invalid", details: problems)
    }

    private func detail(_ message: String) -> APIError.Detail {
        APIError.Detail(field: "scope", message: message)
    }

    private static func isPermissionCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
    }
}
