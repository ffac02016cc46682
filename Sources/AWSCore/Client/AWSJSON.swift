import FoundationEssentials

/// The one JSON coding setup for AWS wire formats: timestamps as epoch
/// seconds, blobs as base64, keys sorted so request bodies are reproducible.
enum AWSJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// Decodes a response body; a mismatch becomes an `AWSResponseError` naming the
    /// coding path, never the body.
    static func decode<Output: Decodable>(_ type: Output.Type, from response: HTTPResponse,
                                          service: String, operation: String) throws -> Output {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let body = response.body.isEmpty ? Data("{}".utf8) : response.body
        do {
            return try decoder.decode(type, from: body)
        } catch let error as DecodingError {
            throw AWSResponseError(service: service, operation: operation, status: response.status,
                                   reason: describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return "malformed JSON at \(path(context))"
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context))"
        case .valueNotFound(_, let context): return "missing value at \(path(context))"
        @unknown default: return "unexpected JSON shape"
        }
    }
}
