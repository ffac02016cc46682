/// A conditional write lost (the item exists, changed, or is gone): the API answers 409.
struct WriteConflict: Error, Sendable, Equatable {
    var table: String
}
