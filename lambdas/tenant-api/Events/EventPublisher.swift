/// Publishes an event after the state change it reports. The change already
/// happened, so a publishing failure is logged (and alarmed on) rather than
/// turned into an error the client would retry.
struct EventPublisher: Sendable {
    let dependencies: TenantAPIDependencies

    func publish(_ event: PlatformEvent) async throws {
        do {
            try await dependencies.events.publish([event])
        } catch {
            dependencies.log("ERROR", "event_publish_failed", [
                "detailType": event.detailType.rawValue, "tenantId": event.detail.tenantId,
                "errorType": String(describing: type(of: error)),
            ])
        }
    }
}
