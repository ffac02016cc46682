import AWSCore
import DataAccess
import FoundationEssentials

extension BillingHandler {
    /// The handler wired to DynamoDB, SSM and EventBridge, as `main.swift` runs it.
    /// `EVENT_BUS_NAME` selects the bus (default bus when unset); tables per `TableNames`.
    static func live(environment: [String: String], transport: any HTTPTransport,
                     now: @escaping @Sendable () -> Date = { Date() }) throws -> BillingHandler {
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport))
        let store = ControlPlaneBillingStore(controlPlane: ControlPlaneDynamoDB(dynamoDB: dynamoDB),
                                             tables: TableNames(environment: environment))
        let ssm = SSMClient(client: try AWSClient(service: .ssm, environment: environment, transport: transport))
        let events = EventBridgeClient(client: try AWSClient(service: .eventBridge, environment: environment, transport: transport))
        let busName = environment["EVENT_BUS_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        return BillingHandler(
            run: BillingRun(tenants: store, usage: store, ledger: store, pricing: SSMPricingSource(ssm: ssm),
                            events: EventBridgeBudgetPublisher(eventBridge: events, busName: busName), now: now),
            metrics: BillingMetrics(), now: now)
    }
}
