import AWSCore

/// Publishes budget events on the platform's event bus (`EVENT_BUS_NAME`, else the default bus).
struct EventBridgeBudgetPublisher: BudgetEventPublisher {
    let eventBridge: EventBridgeClient
    let busName: String?

    func publishBudgetExceeded(_ event: BudgetExceededEvent) async throws {
        let output = try await eventBridge.putEvents([EventBridgeClient.Event(
            source: BudgetExceededEvent.source, detailType: BudgetExceededEvent.detailType,
            detail: try event.detailJSON(), eventBusName: busName)])
        if output.failedEntryCount > 0 {
            throw BillingError.eventRejected(tenantID: event.tenantID, code: output.entries.first?.errorCode ?? "unknown")
        }
    }
}
