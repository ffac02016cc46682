/// Runs field checks, keeping every failure instead of stopping at the first.
struct ValidationCollector {
    private(set) var errors: [ValidationError] = []

    /// The checked value, or `nil` after recording why it failed.
    mutating func check<T>(_ body: () throws(ValidationError) -> T) -> T? {
        do {
            return try body()
        } catch {
            errors.append(error)
            return nil
        }
    }

    /// Checks a field that must be present.
    mutating func require<Raw, T>(_ raw: Raw?, _ field: String, _ body: (Raw) throws(ValidationError) -> T) -> T? {
        guard let raw else {
            errors.append(.required(field))
            return nil
        }
        return check { () throws(ValidationError) in try body(raw) }
    }

    var failure: ValidationFailure { ValidationFailure(errors: errors) }
}
