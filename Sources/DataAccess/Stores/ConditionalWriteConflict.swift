/// A conditional write lost: the item exists (create), changed, or is gone.
/// Its own error so handlers can answer 409 without inspecting AWS codes.
public struct ConditionalWriteConflict: Error, Sendable, Equatable {
    public let table: String
    /// The DynamoDB operation, e.g. `PutItem` or `TransactWriteItems`.
    public let operation: String
}
