import FoundationEssentials

/// What a function does with each event: buffered (Codable or raw bytes) or streamed.
public struct LambdaHandler: Sendable {
    enum Kind: Sendable {
        case buffered(@Sendable (Data, LambdaContext) async throws -> Data)
        case streaming(@Sendable (Data, LambdaResponseStreamWriter, LambdaContext) async throws -> Void)
    }

    let kind: Kind

    /// Decodes the event from JSON and encodes the output as JSON.
    public static func codable<Event: Decodable & SendableMetatype, Output: Encodable & SendableMetatype>(
        _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output
    ) -> LambdaHandler {
        LambdaHandler(kind: .buffered { payload, context in
            let event: Event
            do {
                event = try JSONDecoder().decode(Event.self, from: payload)
            } catch {
                // The decoding error names the path and type, never the payload's values.
                throw LambdaFunctionError(
                    errorType: "Runtime.UnmarshalError", message: "could not decode \(Event.self): \(error)"
                )
            }
            let output = try await body(event, context)
            return try JSONEncoder().encode(output)
        })
    }

    /// Receives and returns the payload bytes as they are.
    public static func raw(_ body: @escaping @Sendable (Data, LambdaContext) async throws -> Data) -> LambdaHandler {
        LambdaHandler(kind: .buffered(body))
    }

    /// Streams the response (`Lambda-Runtime-Function-Response-Mode: streaming`).
    public static func streaming(
        _ body: @escaping @Sendable (Data, LambdaResponseStreamWriter, LambdaContext) async throws -> Void
    ) -> LambdaHandler {
        LambdaHandler(kind: .streaming(body))
    }
}
