import DataAccess
import LambdaEvents
import PlatformAPI

/// `POST /v1/bff/session-keepalive` body, validated against the OpenAPI schema.
struct SessionKeepaliveRequest: Decodable, Equatable, Sendable {
    var sessionID: String
    var agentName: String

    enum CodingKeys: String, CodingKey {
        case sessionID = "sessionId", agentName
    }

    init(sessionID: String, agentName: String) {
        self.sessionID = sessionID
        self.agentName = agentName
    }

    static func parse(_ request: APIGatewayProxyRequest) throws(BFFError) -> SessionKeepaliveRequest {
        let body: SessionKeepaliveRequest
        do {
            body = try RequestBody.decode(Self.self, from: request, allowedFields: ["sessionId", "agentName"])
        } catch {
            throw BFFError(error)
        }
        var problems: [APIError.Detail] = []
        if !isSessionID(body.sessionID) {
            problems.append(.init(field: "sessionId", message: SessionID.clientRule))
        }
        if !isAgentName(body.agentName) {
            problems.append(.init(field: "agentName", message: "must match ^[a-z][a-z0-9_-]{0,63}$"))
        }
        guard problems.isEmpty else { throw BFFError(.invalid(problems)) }
        return body
    }

    /// The contract's session handle (one rule for every function: `SessionID`).
    static func isSessionID(_ text: String) -> Bool {
        (try? SessionID(clientHandle: text)) != nil
    }

    /// `^[a-z][a-z0-9_-]{0,63}$`.
    static func isAgentName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first, isLower(first) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
