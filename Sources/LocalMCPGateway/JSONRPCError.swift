import PlatformJSON

/// A JSON-RPC error document with the request's id (`null` when it has none
/// or could not be read). Messages are fixed texts: never the caller's input.
struct JSONRPCError: Sendable, Equatable {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let unauthorised = -32001

    var code: Int
    var message: String

    func document(id: JSONValue?) -> JSONValue {
        .object([
            "jsonrpc": "2.0", "id": id ?? .null,
            "error": .object(["code": .number(JSONNumber(code)), "message": .string(message)]),
        ])
    }
}
