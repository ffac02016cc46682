import FoundationEssentials

/// Splits a `text/event-stream` body, fed in arbitrary chunks, into events.
///
/// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
/// Only `data` and `event` fields matter here; `id`, `retry` and comments are dropped.
public struct ServerSentEventParser: Sendable {
    public struct Event: Sendable, Equatable {
        public var name: String?
        /// The `data` lines joined with `\n`.
        public var data: String
    }

    private var pending: [UInt8] = []
    private var dataLines: [String] = []
    private var name: String?

    public init() {}

    /// The events completed by `chunk`; a partial event waits for the next chunk.
    public mutating func feed(_ chunk: Data) -> [Event] {
        pending.append(contentsOf: chunk)
        var events: [Event] = []
        var lineStart = 0
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { index += 1; continue }
            // A lone CR at the end of the chunk may be the first half of CRLF: wait.
            if byte == UInt8(ascii: "\r") && index + 1 == pending.count { break }
            let line = String(decoding: pending[lineStart..<index], as: UTF8.self)
            if byte == UInt8(ascii: "\r") && pending[index + 1] == UInt8(ascii: "\n") { index += 1 }
            index += 1
            lineStart = index
            if let event = process(line) { events.append(event) }
        }
        pending.removeFirst(lineStart)
        return events
    }

    private mutating func process(_ line: String) -> Event? {
        if line.isEmpty {
            defer { dataLines = []; name = nil }
            return dataLines.isEmpty ? nil : Event(name: name, data: dataLines.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "data": dataLines.append(String(value))
        case "event": name = String(value)
        default: break
        }
        return nil
    }
}
