/// Every field error of one request, so an API can answer 400 with all of
/// them in `details[]` at once.
public struct ValidationFailure: Error, Sendable, Equatable {
    public let errors: [ValidationError]

    public init(errors: [ValidationError]) {
        self.errors = errors
    }
}
