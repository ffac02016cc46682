import Testing
@testable import AWSCore

@Suite struct DynamoDBItemDecodingFailureTests {
    struct Record: Decodable { struct Inner: Decodable { var count: Int }; var id: String; var inner: Inner? }
    struct NotDecoding: Error {}

    private func failure(_ item: [String: AttributeValue]) -> DynamoDBItemDecodingFailure? {
        do {
            _ = try DynamoDBItemDecoder().decode(Record.self, from: item)
            return nil
        } catch {
            return DynamoDBItemDecodingFailure(error)
        }
    }

    @Test func classifiesMissingNullAndInvalidAttributes() {
        #expect(failure([:]) == DynamoDBItemDecodingFailure(DecodingError.keyNotFound(
            DynamoDBItemIndexKey(stringValue: "id"), .init(codingPath: [], debugDescription: "attribute 'id' is missing"))))
        #expect(failure([:])?.kind == .missing)
        #expect(failure([:])?.attribute == "id")
        #expect(failure(["id": .null])?.kind == .missing)
        #expect(failure(["id": .null])?.message == "attribute 'id' is NULL, expected S")
        let nested = failure(["id": .s("a"), "inner": .m(["count": .s("x")])])
        #expect(nested?.kind == .invalid)
        #expect(nested?.attribute == "inner.count")
        #expect(failure(["id": .s("a"), "inner": .m(["count": .n("1.5")])])?.kind == .invalid)
    }

    @Test func treatsOtherErrorsAsAnInvalidItem() {
        let other = DynamoDBItemDecodingFailure(NotDecoding())
        #expect(other.kind == .invalid)
        #expect(other.attribute == "<item>")
    }
}
