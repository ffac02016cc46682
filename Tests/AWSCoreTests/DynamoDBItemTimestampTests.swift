import FoundationEssentials
import Testing
@testable import AWSCore

@Suite struct DynamoDBItemTimestampTests {
    @Test func formatsUTCWithMilliseconds() {
        // 2026-11-25T12:34:56.789Z
        let date = Date(timeIntervalSince1970: 1_795_610_096.789)
        #expect(DynamoDBItemTimestamp.string(from: date) == "2026-11-25T12:34:56.789Z")
        #expect(DynamoDBItemTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(DynamoDBItemTimestamp.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(DynamoDBItemTimestamp.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(DynamoDBItemTimestamp.string(from: Date(timeIntervalSince1970: 1.0004)) == "1970-01-01T00:00:01.000Z")
        #expect(DynamoDBItemTimestamp.string(from: Date(timeIntervalSince1970: 1.0006)) == "1970-01-01T00:00:01.001Z")
    }

    @Test func parsesWhatItFormatsExactly() throws {
        for text in ["2026-11-25T12:34:56.789Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
                     "2024-02-29T23:59:59.001Z", "1969-07-20T20:17:40.000Z"] {
            let date = try #require(DynamoDBItemTimestamp.date(from: text))
            #expect(DynamoDBItemTimestamp.string(from: date) == text)
            #expect(DynamoDBItemTimestamp.isRepresentable(date))
        }
        #expect(DynamoDBItemTimestamp.date(from: "1970-01-01T00:00:01.500Z") == Date(timeIntervalSince1970: 1.5))
    }

    @Test(arguments: [
        "2026-11-25T12:34:56Z", "2026-11-25T12:34:56.789+00:00", "2026-11-25 12:34:56.789Z",
        "2026-11-25T12:34:56.7890Z", "2026-11-25t12:34:56.789z", "2026-13-01T00:00:00.000Z",
        "2026-00-01T00:00:00.000Z", "2026-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z",
        "2026-11-00T00:00:00.000Z", "2026-11-25T24:00:00.000Z", "2026-11-25T12:60:00.000Z",
        "2026-11-25T12:34:60.000Z", "2026-11-25T12:34:56.78aZ", "-026-11-25T12:34:56.789Z",
        "1900-02-29T00:00:00.000Z", "", "2026-11-25",
    ])
    func rejectsEveryOtherShape(_ text: String) {
        #expect(DynamoDBItemTimestamp.date(from: text) == nil)
    }

    @Test func acceptsLeapDaysOfCenturiesDivisibleBy400() {
        #expect(DynamoDBItemTimestamp.date(from: "2000-02-29T00:00:00.000Z") != nil)
    }

    @Test func clampsDatesOutsideTheRepresentableYears() {
        let tooLate = Date(timeIntervalSince1970: 300_000_000_000)
        let tooEarly = Date(timeIntervalSince1970: -70_000_000_000)
        #expect(!DynamoDBItemTimestamp.isRepresentable(tooLate))
        #expect(!DynamoDBItemTimestamp.isRepresentable(tooEarly))
        #expect(DynamoDBItemTimestamp.string(from: tooLate) == "9999-12-31T23:59:59.999Z")
        #expect(DynamoDBItemTimestamp.string(from: tooEarly) == "0000-01-01T00:00:00.000Z")
        #expect(DynamoDBItemTimestamp.string(from: Date(timeIntervalSince1970: .nan)) == "0000-01-01T00:00:00.000Z")
    }
}
