import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

/// AccountID, AgentName, AWSRegion, EmailAddress, Identifier, IdempotencyKey,
/// YearMonth and EpochSeconds.
@Suite struct ValueTypeTests {
    @Test func accountIDsAreTwelveDigits() throws {
        #expect(try AccountID(validating: "123456789012").rawValue == "123456789012")
        for bad in ["12345678901", "1234567890123", "12345678901a", "", "１23456789012"] {
            #expect(throws: ValidationError(field: "accountId", code: .invalidFormat, message: "must be exactly 12 digits")) {
                try AccountID(validating: bad)
            }
        }
    }

    @Test func agentNamesFollowTheDocumentedPattern() throws {
        for good in ["echo-agent", "ab", "a1", "echo-agent-async", "a" + String(repeating: "b", count: 62)] {
            #expect(try AgentName(validating: good).rawValue == good)
        }
        for bad in ["a", "1a", "-a", "Echo", "echo_agent", "a" + String(repeating: "b", count: 63), "", "echo#1"] {
            #expect(throws: ValidationError.self) { try AgentName(validating: bad) }
        }
    }

    @Test func regionsHaveTheAWSShape() throws {
        for good in ["eu-west-2", "us-gov-west-1", "ap-southeast-10", "eu-central-1"] {
            #expect(try AWSRegion(validating: good).rawValue == good)
        }
        for bad in ["eu-west", "eu-west-123", "EU-west-2", "e-west-2", "eu--2", "eu-west-2-", "euw-west-2", "eu-w3st-2",
                    "eu-" + String(repeating: "a", count: 30) + "-1", ""] {
            #expect(throws: ValidationError.self) { try AWSRegion(validating: bad) }
        }
        #expect(AWSRegion.home.rawValue == "eu-west-2")
        #expect(AWSRegion.defaultRuntime.rawValue == "eu-west-1")
        #expect(AWSRegion.defaultFallback.rawValue == "eu-central-1")
    }

    @Test func emailAddressesAreCheckedSimplyAndLowerCased() throws {
        #expect(try EmailAddress(validating: "Jane.Doe+ops@Example.CO.uk").rawValue == "jane.doe+ops@example.co.uk")
        #expect(try EmailAddress(validating: "a@b-c.io").rawValue == "a@b-c.io")
        let longLocal = String(repeating: "a", count: 65) + "@example.com"
        let longLabel = "a@" + String(repeating: "b", count: 64) + ".com"
        let tooLong = String(repeating: "a", count: 60) + "@" + String(repeating: "b.", count: 100) + "com"
        for bad in ["", "a", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com", ".a@b.com", "a.@b.com", "a..b@c.com",
                    "a b@c.com", "a@-b.com", "a@b-.com", "a@b..com", "a@b.c", "a@b.c0m", "\"a\"@b.com", "a@[1.2.3.4]",
                    longLocal, longLabel, tooLong] {
            #expect(throws: ValidationError.self, "\(bad)") { try EmailAddress(validating: bad) }
        }
    }

    @Test func identifiersAreKeySafe() throws {
        let uuid = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
        #expect(JobID(uuid).rawValue == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        #expect(try WebhookID(validating: "wh_01-AB").rawValue == "wh_01-AB")
        #expect(try JobID(validating: String(repeating: "a", count: 128)).rawValue.count == 128)
        for bad in ["", "a#b", "a/b", "a.b", "a b", String(repeating: "a", count: 129)] {
            #expect(throws: ValidationError(field: "id", code: .invalidFormat, message: "must be 1-128 letters, digits, underscores or hyphens")) {
                try JobID(validating: bad)
            }
        }
        #expect(OpsLock.runtimeFailover.rawValue == "platform-runtime-failover")
    }

    @Test func idempotencyKeysArePrintableASCII() throws {
        #expect(try IdempotencyKey(validating: "mcp:abc:42#x").rawValue == "mcp:abc:42#x")
        for bad in ["", "a b", "tab\t", "é", String(repeating: "k", count: 256)] {
            #expect(throws: ValidationError.self) { try IdempotencyKey(validating: bad) }
        }
    }

    @Test func yearMonthsAreUTCMonths() throws {
        #expect(try YearMonth(validating: "2026-11").rawValue == "2026-11")
        for bad in ["2026-13", "2026-1", "202611", "2026-11-01", "", "abcd-ef"] {
            #expect(throws: ValidationError.self) { try YearMonth(validating: bad) }
        }
        #expect(YearMonth(containing: Fixtures.now).rawValue == "2026-11")
        #expect(YearMonth.day(of: Fixtures.now) == "2026-11-25")
        #expect(try YearMonth(validating: "2026-10") < YearMonth(validating: "2026-11"))
    }

    @Test func epochSecondsRoundDownAndCodeAsNumbers() throws {
        struct Holder: Codable, Equatable { var ttl: EpochSeconds }
        let seconds = EpochSeconds(Fixtures.now)
        #expect(seconds.rawValue == 1_795_610_096)
        #expect(seconds.date == Date(timeIntervalSince1970: 1_795_610_096))
        #expect(EpochSeconds(rawValue: 1) < EpochSeconds(rawValue: 2))
        #expect(EpochSeconds(Date(timeIntervalSince1970: -1.5)).rawValue == -2)
        #expect(EpochSeconds(Date(timeIntervalSince1970: 1e30)).rawValue == .max)
        #expect(EpochSeconds(Date(timeIntervalSince1970: -1e30)).rawValue == .min)
        #expect(EpochSeconds(Date(timeIntervalSince1970: .nan)).rawValue == 0)
        let item = try DynamoDBItemEncoder().encode(Holder(ttl: seconds))
        #expect(item == ["ttl": .n("1795610096")])
        #expect(try DynamoDBItemDecoder().decode(Holder.self, from: item) == Holder(ttl: seconds))
        #expect(throws: DecodingError.self) { try DynamoDBItemDecoder().decode(Holder.self, from: ["ttl": .s("1795610096")]) }
    }
}
