@testable import LambdaRuntime
import Testing

@Suite struct LambdaLoggerTests {
    @Test func jsonLinesHaveLambdasKeysInOrder() {
        let line = LambdaLogger.line(format: .json, level: .warn, requestID: "r-1", message: "a \"b\"\n", milliseconds: 1_700_000_000_123)
        #expect(line == #"{"timestamp":"2023-11-14T22:13:20.123Z","level":"WARN","requestId":"r-1","message":"a \"b\"\n"}"#)
        let initLine = LambdaLogger.line(format: .json, level: .info, requestID: nil, message: "m", milliseconds: 0)
        #expect(initLine == #"{"timestamp":"1970-01-01T00:00:00.000Z","level":"INFO","message":"m"}"#)
    }

    @Test func textLinesAreTabSeparatedOnOneLine() {
        let line = LambdaLogger.line(format: .text, level: .error, requestID: "r", message: "x\ny", milliseconds: 86_400_000)
        #expect(line == "1970-01-02T00:00:00.000Z\tr\tERROR\tx\ry")
    }

    @Test func environmentChoosesFormatAndLevel() {
        let sink = CapturingSink()
        let json = LogConfiguration(environment: ["AWS_LAMBDA_LOG_FORMAT": "JSON", "AWS_LAMBDA_LOG_LEVEL": "warn"], sink: sink, clock: Fixture.clock)
        #expect(json.format == .json)
        #expect(json.minimumLevel == .warn)
        let logger = LambdaLogger(configuration: json, requestID: "r")
        logger.info("dropped")
        logger.error("kept")
        #expect(sink.all == [#"{"timestamp":"2023-11-14T22:13:20.000Z","level":"ERROR","requestId":"r","message":"kept"}"#])
        let text = LogConfiguration(environment: ["AWS_LAMBDA_LOG_LEVEL": "nonsense"], sink: sink, clock: Fixture.clock)
        #expect(text.format == .text)
        #expect(text.minimumLevel == .info)
    }

    @Test func timestampsHandleLeapYearsAndEscapesControlCharacters() {
        #expect(JSONText.timestamp(milliseconds: 951_782_400_999) == "2000-02-29T00:00:00.999Z")
        #expect(JSONText.timestamp(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(JSONText.quoted("\u{1}\t\\") == #""\u0001\t\\""#)
        #expect(JSONText.number(3) == "3")
        #expect(JSONText.number(2.5) == "2.5")
        #expect(JSONText.number(.nan) == "0")
    }
}
