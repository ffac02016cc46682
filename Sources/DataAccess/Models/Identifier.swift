import FoundationEssentials

/// An opaque record identifier (job, webhook, invite, API key, ...): 1-128
/// characters from `A-Z a-z 0-9 _ -`, so it is safe inside a `#`-separated
/// key and a SigV4 credential scope. `Kind` only keeps kinds apart.
public struct Identifier<Kind>: ValidatedString {
    public static var defaultField: String { "id" }
    public let rawValue: String

    public init(validating text: String, field: String) throws(ValidationError) {
        guard text.utf8.count <= 128,
              ASCII.all(text, { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else {
            throw ValidationError(field: field, code: .invalidFormat, message:
                "must be 1-128 letters, digits, underscores or hyphens")
        }
        rawValue = text
    }

    /// A compile-time constant known to satisfy the rules.
    init(uncheckedLiteral rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new identifier from a (caller-generated) UUID, lower-cased.
    public init(_ uuid: UUID) {
        rawValue = uuid.uuidString.lowercased()
    }
}

public typealias WebhookID = Identifier<Webhook>
public typealias InviteID = Identifier<Invite>
public typealias APIKeyID = Identifier<APIKeyRecord>
public typealias InvocationID = Identifier<Invocation>
public typealias JobID = Identifier<Job>
public typealias AuditID = Identifier<AuditRecord>
public typealias ToolName = Identifier<Tool>
public typealias LockName = Identifier<OpsLock>
