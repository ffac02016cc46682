import AWSCore

/// Why a stored item could not be read as a record. Names the attribute,
/// never its content; a missing or invalid security field (tenant id,
/// status, tier) is always one of these, never a default.
public struct RecordDecodingError: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        case missingAttribute = "MISSING_ATTRIBUTE"
        case invalidAttribute = "INVALID_ATTRIBUTE"
        /// `PK`/`SK` do not match the key the record's own fields give.
        case keyMismatch = "KEY_MISMATCH"
    }

    public let code: Code
    public let attribute: String
    public let message: String

    init(code: Code, attribute: String, message: String) {
        self.code = code
        self.attribute = attribute
        self.message = message
    }

    init(_ failure: DynamoDBItemDecodingFailure) {
        switch failure.kind {
        case .missing: code = .missingAttribute
        case .invalid: code = .invalidAttribute
        }
        attribute = failure.attribute
        message = failure.message
    }
}
