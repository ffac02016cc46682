/// A `tools/call` the request interceptor already answered, kept for 300 s so
/// a retried request (same session, same JSON-RPC id) gets the same answer.
struct IdempotencyRecord: Sendable, Equatable {
    /// The interceptor output returned the first time.
    var output: String
    /// Who made the call and for which tool: a replay must match both.
    var actingSub: String
    var toolName: String
    /// Epoch seconds after which the record no longer counts (also the table's TTL).
    var expiresAt: Int
}
