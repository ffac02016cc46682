import Testing
@testable import BFF

@Suite struct ScopeValidatorTests {
    let validator = ScopeValidator(audience: "api://agent-platform")

    @Test func acceptsNamedScopesOfTheAudienceAndNormalisesSpaces() throws {
        #expect(try validator.validate("api://agent-platform/Agents.Invoke") == "api://agent-platform/Agents.Invoke")
        #expect(try validator.validate("  api://agent-platform/a   api://agent-platform/b_c-d ")
            == "api://agent-platform/a api://agent-platform/b_c-d")
    }

    @Test(arguments: [
        ("api://agent-platform/.default", ".default is not allowed"),
        ("api://agent-platform/.DEFAULT", ".default is not allowed"),
        ("api://other-api/Agents.Invoke", "must start with api://agent-platform/"),
        ("api://agent-platformX/Agents.Invoke", "must start with api://agent-platform/"),
        ("openid", "must start with api://agent-platform/"),
        ("api://agent-platform/", "must name a permission"),
        ("api://agent-platform/a/b", "must name a permission"),
        ("", "must be 1-1024 characters"),
        ("   ", "must name at least one scope"),
    ])
    func rejectsScopesOutsideTheAudienceOrDefault(scope: String, problem: String) {
        #expect {
            try validator.validate(scope)
        } throws: { error in
            let error = error as! BFFError
            return error.code == .invalidRequest && error.details.count == 1
                && error.details[0].field == "scope" && error.details[0].message.contains(problem)
        }
    }

    @Test func reportsEveryBadScopeByPosition() {
        #expect {
            try validator.validate("api://agent-platform/ok api://agent-platform/.default offline_access")
        } throws: { error in
            let messages = (error as! BFFError).details.map(\.message)
            return messages.count == 2 && messages[0].hasPrefix("scope 2") && messages[1].hasPrefix("scope 3")
        }
    }

    @Test func rejectsOverlongScope() {
        let long = "api://agent-platform/" + String(repeating: "a", count: 1024)
        #expect(throws: BFFError.self) { try validator.validate(long) }
    }
}
