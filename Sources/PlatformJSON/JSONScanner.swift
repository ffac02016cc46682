/// The recursive-descent state behind `JSONParser`: a byte cursor over one document.
struct JSONScanner {
    /// Objects up to this many members find repeated keys without a set.
    static let smallObject = 16
    let bytes: [UInt8]
    let maxDepth: Int
    let wantedPaths: Set<[String]>
    let longestWantedPath: Int
    var position = 0
    private(set) var spans: [[String]: Range<Int>] = [:]

    init(bytes: [UInt8], maxDepth: Int, wantedPaths: Set<[String]>) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.wantedPaths = wantedPaths
        longestWantedPath = wantedPaths.map(\.count).max() ?? -1
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// `path` is the key path from the root, or nil once inside an array (spans are
    /// only recorded along object keys).
    mutating func parseValue(depth: Int, path: [String]?) throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        let start = position
        let value: JSONValue
        switch bytes[position] {
        case UInt8(ascii: "{"): value = try parseObject(depth: depth + 1, path: path)
        case UInt8(ascii: "["): value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        default: throw JSONParseError(.unexpectedByte, at: position)
        }
        if let path, path.count <= longestWantedPath, wantedPaths.contains(path) {
            spans[path] = start..<position
        }
        return value
    }

    private mutating func parseObject(depth: Int, path: [String]?) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw JSONParseError(.tooDeep, at: position) }
        position += 1
        var object = JSONObject()
        // Small objects check for a repeated key by scanning their members; a set pays off only for large ones.
        var seen = Set<String>()
        skipWhitespace()
        if try consume(UInt8(ascii: "}")) { return .object(object) }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
            guard bytes[position] == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedByte, at: position) }
            let keyStart = position
            let key = try parseString()
            if object.count == Self.smallObject { seen = Set(object.keys) }
            let repeated = object.count < Self.smallObject ? object.members.contains { $0.key == key } : !seen.insert(key).inserted
            guard !repeated else { throw JSONParseError(.duplicateKey, at: keyStart) }
            skipWhitespace()
            guard try consume(UInt8(ascii: ":")) else { throw JSONParseError(.unexpectedByte, at: position) }
            skipWhitespace()
            let childPath = path.flatMap { $0.count < longestWantedPath ? $0 + [key] : nil }
            object.appendUnchecked(key, try parseValue(depth: depth, path: childPath))
            skipWhitespace()
            if try consume(UInt8(ascii: ",")) { continue }
            if try consume(UInt8(ascii: "}")) { return .object(object) }
            throw JSONParseError(.unexpectedByte, at: position)
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw JSONParseError(.tooDeep, at: position) }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth, path: nil))
            skipWhitespace()
            if try consume(UInt8(ascii: ",")) { continue }
            if try consume(UInt8(ascii: "]")) { return .array(elements) }
            throw JSONParseError(.unexpectedByte, at: position)
        }
    }

    /// Consumes `byte` if it is next; throws at the end of input.
    private mutating func consume(_ byte: UInt8) throws(JSONParseError) -> Bool {
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        guard bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw JSONParseError(.unexpectedByte, at: position) }
        position += count
    }

    private func isDigit(_ index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard isDigit(position) else { throw JSONParseError(.invalidNumber, at: position) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { throw JSONParseError(.invalidNumber, at: position) }
        } else {
            while isDigit(position) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { throw JSONParseError(.invalidNumber, at: position) }
            while isDigit(position) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard isDigit(position) else { throw JSONParseError(.invalidNumber, at: position) }
            while isDigit(position) { position += 1 }
        }
        return JSONNumber(validatedLiteral: String(decoding: bytes[start..<position], as: UTF8.self))
    }
}
