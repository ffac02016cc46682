/// The body of `POST /v1/tenants/{id}/users/invite`, as sent.
public struct InviteRequest: Codable, Sendable, Equatable {
    /// At most this many roles per invite.
    public static let roleLimit = 10

    public var email: String?
    public var roles: [String]?

    public init(email: String? = nil, roles: [String]? = nil) {
        self.email = email
        self.roles = roles
    }

    public struct Validated: Sendable, Equatable {
        public let email: EmailAddress
        public let roles: [String]
    }

    /// Checks the e-mail and the roles: 1-10 of the ``TenantRole/grantable``
    /// roles, matched case-insensitively and kept in their canonical spelling
    /// (so `platform.admin` is refused like `Platform.Admin`). Duplicates are dropped.
    public func validated() throws(ValidationFailure) -> Validated {
        var collector = ValidationCollector()
        let email = collector.require(email, "email") { (text: String) throws(ValidationError) in
            try EmailAddress(validating: text, field: "email")
        }
        let roles = collector.require(roles, "roles") { (names: [String]) throws(ValidationError) in
            guard !names.isEmpty else { throw ValidationError.required("roles") }
            guard names.count <= Self.roleLimit else {
                throw ValidationError(field: "roles", code: .tooLong, message: "must list at most \(Self.roleLimit) roles")
            }
            var roles: [String] = []
            for (index, name) in names.enumerated() {
                let role = try Self.checkRole(name, field: "roles[\(index)]")
                if !roles.contains(role) { roles.append(role) }
            }
            return roles
        }
        guard let email, let roles else { throw collector.failure }
        return Validated(email: email, roles: roles)
    }

    /// The canonical role for `name`, or a typed error saying why it cannot be granted.
    private static func checkRole(_ name: String, field: String) throws(ValidationError) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count <= 64, let first = bytes.first, ASCII.isLetter(first),
              bytes.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: ".") })
        else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must be 1-64 letters, digits or dots, starting with a letter")
        }
        guard let role = TenantRole.canonical(name) else {
            throw ValidationError(field: field, code: .notAllowed,
                                  message: "must be a tenant role: \(TenantRole.grantable.joined(separator: ", "))")
        }
        return role
    }
}
