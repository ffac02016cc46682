/// What the test asks the fixture function to do for one invocation.
struct FixtureEvent: Codable, Sendable {
    /// echo, context, throw, crash, sleep, big, log, stream, stream-fail.
    var action: String
    var milliseconds: Int?
    var bytes: Int?
    var value: String?
}
