import LambdaEvents
import PlatformJSON

/// Why an interceptor answers in place of the tool, and the JSON-RPC error it answers with.
///
/// The reason is for logs and names the failed check only; the client sees a
/// fixed message per kind.
public enum InterceptorDenial: Error, Sendable, Equatable {
    /// 400 / -32600: the event or JSON-RPC message is not acceptable.
    case malformed(reason: String)
    /// 401 / -32001: no valid user token.
    case unauthenticated(reason: String)
    /// 403 / -32003: the tool is unknown, disabled or above the caller's tier.
    case forbidden(reason: String)
    /// 400 / -32601: the method is not one the platform serves (`MCPMessage.isKnown`).
    case unknownMethod
    /// 500 / -32603: a dependency failed; the request is refused rather than let through.
    case internalFailure(reason: String)

    public var statusCode: Int {
        switch self {
        case .malformed, .unknownMethod: 400
        case .unauthenticated: 401
        case .forbidden: 403
        case .internalFailure: 500
        }
    }

    public var rpcCode: Int {
        switch self {
        case .malformed: -32600
        case .unauthenticated: -32001
        case .forbidden: -32003
        case .unknownMethod: -32601
        case .internalFailure: -32603
        }
    }

    public var message: String {
        switch self {
        case .malformed: "Invalid request"
        case .unauthenticated: "Authentication required: the token is missing, invalid or expired"
        case .forbidden: "Tool not allowed for this caller"
        case .unknownMethod: "Method not found"
        case .internalFailure: "Internal error: the request was not forwarded"
        }
    }

    /// What to log: the kind and the failed check.
    public var reason: String {
        switch self {
        case .malformed(let reason): "malformed: \(reason)"
        case .unauthenticated(let reason): "unauthenticated: \(reason)"
        case .forbidden(let reason): "forbidden: \(reason)"
        case .unknownMethod: "unknown method"
        case .internalFailure(let reason): "internal: \(reason)"
        }
    }

    /// The JSON-RPC error document, answering request `id` (null when unknown).
    public func rpcError(id: JSONValue?) -> JSONValue {
        ["jsonrpc": "2.0", "id": id ?? .null, "error": ["code": .number(JSONNumber(rpcCode)), "message": .string(message)]]
    }

    /// A RESPONSE interceptor's answer: the error replaces the tool's response.
    public func responseOutput(id: JSONValue?) -> GatewayInterceptorOutput {
        GatewayInterceptorOutput(transformedResponse: GatewayHTTPResponse(
            statusCode: statusCode, body: GatewayBody(document: rpcError(id: id))))
    }

    /// A REQUEST interceptor's answer: the Gateway returns the error and never calls
    /// the tool. The transformed request is an empty shell (no credentials, no
    /// method) so that nothing useful could be forwarded even if it were.
    public func requestOutput(id: JSONValue?) -> GatewayInterceptorOutput {
        GatewayInterceptorOutput(
            transformedRequest: .init(headers: GatewayHeaders(), body: GatewayBody(document: .object(JSONObject()))),
            transformedResponse: GatewayHTTPResponse(statusCode: statusCode, body: GatewayBody(document: rpcError(id: id))))
    }
}
