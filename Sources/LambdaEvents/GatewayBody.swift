import PlatformJSON
/// The body of a Gateway request or response: a JSON document that the event
/// carries either inline as a JSON value or as a string holding JSON text.
///
/// It keeps the exact bytes it arrived as, so an unchanged body is passed on
/// byte for byte, and a replaced one keeps the form it came in.
public struct GatewayBody: Sendable, Equatable {
    public enum Form: Sendable, Equatable {
        /// The body is a JSON value inside the event.
        case inline
        /// The body is a string whose content is JSON text.
        case string
    }

    public let form: Form
    /// The parsed document (for a `.string` body, the parsed content of the string).
    public let document: JSONValue
    /// The body's JSON text exactly as it appears in the event (for `.string`, the quoted literal).
    public let encoded: [UInt8]

    /// Reads a body from its value in the event and that value's exact bytes.
    public init(eventValue: JSONValue, encoded: [UInt8], parser: JSONParser) throws(GatewayEventError) {
        if case .string(let text) = eventValue {
            do {
                document = try parser.parse(text)
            } catch {
                throw GatewayEventError.bodyNotJSON(error)
            }
            form = .string
        } else {
            document = eventValue
            form = .inline
        }
        self.encoded = encoded
    }

    /// A body holding `document` in the given form.
    public init(document: JSONValue, form: Form = .inline) {
        self.form = form
        self.document = document
        switch form {
        case .inline:
            encoded = document.serialized()
        case .string:
            var literal: [UInt8] = []
            JSONValue.writeString(document.serializedString, to: &literal)
            encoded = literal
        }
    }

    /// This body with another document, in the same form; unchanged documents keep their bytes.
    public func replacingDocument(_ newDocument: JSONValue) -> GatewayBody {
        newDocument == document ? self : GatewayBody(document: newDocument, form: form)
    }
}
