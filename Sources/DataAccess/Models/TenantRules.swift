/// Field rules shared by tenant creation and update.
enum TenantRules {
    static let displayNameLimit = 128
    /// `monthlyBudgetUsd` must be a finite number in 1...1,000,000 USD: zero
    /// would suspend a tenant on its first billing run, and larger budgets go
    /// through a contract change, not the API.
    static let budgetRange: ClosedRange<Double> = 1...1_000_000

    /// Non-empty, at most `limit` characters, no control characters.
    static func checkText(_ text: String, field: String, limit: Int) throws(ValidationError) -> String {
        try ValidationError.checkLength(text, field: field, limit: limit)
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(field: field, code: .invalidFormat, message: "must not contain control characters")
        }
        return text
    }

    static func checkBudget(_ value: Double) throws(ValidationError) -> Double {
        guard budgetRange.contains(value) else {
            throw ValidationError(field: "monthlyBudgetUsd", code: .outOfRange, message: "must be between 1 and 1000000")
        }
        return value
    }
}
