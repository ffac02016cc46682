/// The loopback webhook receivers a local stack may call (`host:port`), from
/// `WEBHOOK_LOCAL_RECEIVERS` (comma-separated), read only when `PLATFORM_ENV`
/// is `local`. Anything on loopback that is not listed - the Lambda emulator's
/// invoke endpoint, moto, the local gateway - stays unreachable for webhooks.
public struct LocalWebhookReceivers: Sendable, Equatable {
    /// Lower-cased `host:port` entries (`127.0.0.1:8123`, `[::1]:9000`, `localhost:80`).
    public let endpoints: Set<String>

    /// No loopback receiver at all: production, and any non-local environment.
    public static let none = LocalWebhookReceivers(endpoints: [])

    public init(endpoints: Set<String>) {
        self.endpoints = Set(endpoints.map { $0.lowercased() })
    }

    /// The receivers an environment allows: only `PLATFORM_ENV=local` reads the list.
    public init(environment: [String: String]) {
        guard environment["PLATFORM_ENV"] == "local", let list = environment["WEBHOOK_LOCAL_RECEIVERS"] else {
            self = .none
            return
        }
        self.init(endpoints: Set(list.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }))
    }

    /// Whether `url` is one of the listed receivers (host and effective port).
    public func contains(_ url: CallbackURL) -> Bool { endpoints.contains(url.endpoint) }
}
