/// What a REQUEST authoriser returns: an IAM policy over `execute-api:Invoke`,
/// a context handed to the integration, and the usage plan's identifier key.
public struct APIGatewayAuthorizerResponse: Codable, Sendable, Equatable {
    public struct Statement: Codable, Sendable, Equatable {
        public enum Effect: String, Codable, Sendable { case allow = "Allow", deny = "Deny" }

        public var action: String
        public var effect: Effect
        public var resource: [String]

        public init(effect: Effect, resource: [String], action: String = "execute-api:Invoke") {
            self.action = action
            self.effect = effect
            self.resource = resource
        }

        private enum CodingKeys: String, CodingKey {
            case action = "Action", effect = "Effect", resource = "Resource"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            action = try container.decode(String.self, forKey: .action)
            effect = try container.decode(Effect.self, forKey: .effect)
            // IAM accepts a single resource string or a list.
            if let single = try? container.decode(String.self, forKey: .resource) {
                resource = [single]
            } else {
                resource = try container.decode([String].self, forKey: .resource)
            }
        }
    }

    public struct PolicyDocument: Codable, Sendable, Equatable {
        public var version: String
        public var statement: [Statement]

        public init(statement: [Statement]) {
            self.version = "2012-10-17"
            self.statement = statement
        }

        private enum CodingKeys: String, CodingKey { case version = "Version", statement = "Statement" }
    }

    public var principalId: String
    public var policyDocument: PolicyDocument
    /// Values must be strings, numbers or booleans; the platform uses strings only.
    public var context: [String: String]?
    public var usageIdentifierKey: String?

    public init(principalId: String, policyDocument: PolicyDocument, context: [String: String]?, usageIdentifierKey: String?) {
        self.principalId = principalId
        self.policyDocument = policyDocument
        self.context = context
        self.usageIdentifierKey = usageIdentifierKey
    }
}
