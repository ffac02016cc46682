/// A decoding error reduced to what a caller may report: which attribute, and
/// whether it was missing or invalid. Never the attribute's content.
public struct DynamoDBItemDecodingFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Absent, or `NULL` where a value is required.
        case missing
        /// Present with the wrong type or an unacceptable value.
        case invalid
    }

    public let kind: Kind
    /// The attribute path, e.g. `dailyTotals.2026-11-25.costUsd`.
    public let attribute: String
    /// An operator-facing description naming the attribute.
    public let message: String

    /// Classifies any error thrown while decoding an item.
    public init(_ error: any Error) {
        guard let decodingError = error as? DecodingError else {
            self.init(kind: .invalid, codingPath: [], message: "attribute '<item>' could not be decoded")
            return
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            self.init(kind: .missing, codingPath: context.codingPath + [key], message: context.debugDescription)
        case .valueNotFound(_, let context):
            self.init(kind: .missing, codingPath: context.codingPath, message: context.debugDescription)
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            self.init(kind: .invalid, codingPath: context.codingPath, message: context.debugDescription)
        @unknown default:
            self.init(kind: .invalid, codingPath: [], message: "attribute '<item>' could not be decoded")
        }
    }

    private init(kind: Kind, codingPath: [any CodingKey], message: String) {
        self.kind = kind
        attribute = DynamoDBItemCodingPath.describe(codingPath)
        self.message = message
    }
}
