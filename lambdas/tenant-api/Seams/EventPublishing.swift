/// Publishes platform events (EventBridge in production).
protocol EventPublishing: Sendable {
    func publish(_ events: [PlatformEvent]) async throws
}
