import Testing
@testable import DataAccess

@Suite struct SemanticVersionTests {
    private func version(_ text: String) throws -> SemanticVersion { try SemanticVersion(validating: text) }

    @Test func parsesEveryPart() throws {
        let parsed = try version("1.20.300-rc.1.x-y+build.007")
        #expect(parsed.major == 1 && parsed.minor == 20 && parsed.patch == 300)
        #expect(parsed.prerelease == ["rc", "1", "x-y"])
        #expect(parsed.buildMetadata == ["build", "007"])
        #expect(parsed.rawValue == "1.20.300-rc.1.x-y+build.007")
        #expect(parsed.precedenceText == "1.20.300-rc.1.x-y")
        #expect(parsed.isPrerelease)
        #expect(try !version("0.0.0").isPrerelease)
        #expect(try version("1.0.0+b").precedenceText == "1.0.0")
    }

    @Test(arguments: ["1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3+", "1.2.3-01", "1.2.3-a..b",
                      "1.2.3-a_b", "1.2.3+a_b", "v1.2.3", "1.2.x", "-1.2.3", "", "1.2.3-rc+b+c", "99999999999999999999.0.0",
                      "1.2.3-" + String(repeating: "a", count: 130)])
    func refusesInvalidVersions(_ text: String) {
        #expect(throws: ValidationError.self) { try version(text) }
    }

    @Test func ordersPerTheSpecExample() throws {
        // semver.org section 11.4's example, in ascending order.
        let ordered = try ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                           "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"].map(version)
        for (lower, higher) in zip(ordered, ordered.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower), "\(higher) !< \(lower)")
        }
        #expect(try version("1.0.0-2") < version("1.0.0-10"))
        #expect(try version("1.0.0-1") < version("1.0.0-a"))
        #expect(try !(version("1.0.0-a") < version("1.0.0-1")))
        #expect(try version("1.0.0-B") < version("1.0.0-a"), "ASCII order")
        #expect(try version("1.0.0-100000000000000000000") > version("1.0.0-99999999999999999999"))
    }

    @Test func ignoresBuildMetadataForEqualityAndOrder() throws {
        #expect(try version("1.0.0+a") == version("1.0.0+b"))
        #expect(try Set([version("1.0.0+a"), version("1.0.0+b")]).count == 1)
        #expect(try !(version("1.0.0+a") < version("1.0.0+b")))
        #expect(try version("1.0.0-rc.1") != version("1.0.0"))
    }
}
