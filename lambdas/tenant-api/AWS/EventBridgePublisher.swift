import AWSCore

/// ``EventPublishing`` over EventBridge PutEvents (default bus unless `EVENT_BUS_NAME` is set).
struct EventBridgePublisher: EventPublishing {
    let client: EventBridgeClient
    let busName: String?

    func publish(_ events: [PlatformEvent]) async throws {
        let entries = try events.map {
            EventBridgeClient.Event(source: $0.source, detailType: $0.detailType.rawValue, detail: try $0.detailJSON(),
                                    eventBusName: busName)
        }
        let output = try await client.putEvents(entries)
        guard output.failedEntryCount == 0 else {
            throw EventsNotPublished(failed: output.failedEntryCount,
                                     codes: output.entries.compactMap(\.errorCode))
        }
    }
}

/// EventBridge refused some entries (codes only, no event content).
struct EventsNotPublished: Error, Sendable, Equatable {
    var failed: Int
    var codes: [String]
}
