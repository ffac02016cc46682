/// Serialises heads to bytes; one `send` per message is the caller's job.
package enum HTTPSerializer {
    package static func request(_ head: HTTPRequestHead, body: [UInt8] = []) -> [UInt8] {
        message(start: [head.method, " ", head.target, " ", head.version], fields: head.fields, body: body)
    }

    package static func response(_ head: HTTPResponseHead, body: [UInt8] = []) -> [UInt8] {
        message(start: ["HTTP/1.1 ", String(head.status), " ", reason(for: head.status)], fields: head.fields, body: body)
    }

    /// Head and body in one buffer, sized up front (one allocation, one `send`).
    private static func message(start: [String], fields: HTTPFields, body: [UInt8]) -> [UInt8] {
        var size = 4 + body.count
        for part in start { size += part.utf8.count }
        for field in fields { size += field.name.utf8.count + field.value.utf8.count + 4 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        for part in start { bytes.append(contentsOf: part.utf8) }
        bytes.append(contentsOf: crlf)
        for field in fields {
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(contentsOf: colonSpace)
            bytes.append(contentsOf: field.value.utf8)
            bytes.append(contentsOf: crlf)
        }
        bytes.append(contentsOf: crlf)
        bytes.append(contentsOf: body)
        return bytes
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let colonSpace: [UInt8] = [58, 32]

    package static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
