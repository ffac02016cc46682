/// The body of `POST /v1/webhooks`, as sent.
public struct WebhookRegistration: Codable, Sendable, Equatable {
    public static let descriptionLimit = 256

    public var callbackUrl: String?
    public var events: [String]?
    public var description: String?

    public init(callbackUrl: String? = nil, events: [String]? = nil, description: String? = nil) {
        self.callbackUrl = callbackUrl
        self.events = events
        self.description = description
    }

    public struct Validated: Sendable, Equatable {
        public let callbackURL: CallbackURL
        public let events: [WebhookEvent]
        public let description: String?
    }

    /// Checks every field: an https callback URL to a DNS name (or one of the
    /// `localReceivers` of a local stack), a non-empty set of known events (duplicates
    /// dropped, order kept), a description of at most 256 characters.
    public func validated(localReceivers: LocalWebhookReceivers) throws(ValidationFailure) -> Validated {
        var collector = ValidationCollector()
        let url = collector.require(callbackUrl, "callbackUrl") { (text: String) throws(ValidationError) in
            try CallbackURL(validating: text, localReceivers: localReceivers)
        }
        let events = collector.require(events, "events") { (names: [String]) throws(ValidationError) in
            guard !names.isEmpty else { throw ValidationError.required("events") }
            var events: [WebhookEvent] = []
            for (index, name) in names.enumerated() {
                let event = try WebhookEvent.parse(name, field: "events[\(index)]")
                if !events.contains(event) { events.append(event) }
            }
            return events
        }
        var description: String?
        if let text = self.description {
            description = collector.check { () throws(ValidationError) in
                try TenantRules.checkText(text, field: "description", limit: Self.descriptionLimit)
            }
        }
        guard let url, let events, collector.errors.isEmpty else { throw collector.failure }
        return Validated(callbackURL: url, events: events, description: description)
    }
}
