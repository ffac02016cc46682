import Testing
@testable import DataAccess

@Suite struct ValidationTests {
    @Test func collectorKeepsEveryFailure() {
        var collector = ValidationCollector()
        let good = collector.check { () throws(ValidationError) in 1 }
        let bad: Int? = collector.check { () throws(ValidationError) in throw ValidationError.required("a") }
        let missing: Int? = collector.require(String?.none, "b") { (_: String) throws(ValidationError) in 2 }
        let present = collector.require("x", "c") { (text: String) throws(ValidationError) in text.count }
        #expect(good == 1 && bad == nil && missing == nil && present == 1)
        #expect(collector.failure == ValidationFailure(errors: [.required("a"), .required("b")]))
        #expect(collector.failure.errors.map(\.code) == [.required, .required])
    }

    @Test func checksLength() throws {
        try ValidationError.checkLength("abc", field: "f", limit: 3)
        #expect(throws: ValidationError.required("f")) { try ValidationError.checkLength("", field: "f", limit: 3) }
        #expect(throws: ValidationError(field: "f", code: .tooLong, message: "must be at most 3 characters")) {
            try ValidationError.checkLength("abcd", field: "f", limit: 3)
        }
    }

    @Test func tenantRulesRefuseControlCharactersAndBadBudgets() throws {
        #expect(try TenantRules.checkText("Acme Ltd", field: "displayName", limit: 10) == "Acme Ltd")
        #expect(throws: ValidationError.self) { try TenantRules.checkText("a\u{7}b", field: "displayName", limit: 10) }
        #expect(try TenantRules.checkBudget(1) == 1)
        #expect(try TenantRules.checkBudget(1_000_000) == 1_000_000)
        for bad in [0.99, 1_000_000.01, -5, .nan, .infinity] {
            #expect(throws: ValidationError.self) { try TenantRules.checkBudget(bad) }
        }
    }
}
