import FoundationEssentials

/// A small XML reader for the few response shapes AWS sends as XML (STS,
/// S3, error bodies): elements, text, the five named entities, numeric
/// character references and CDATA. Attributes, DTDs and namespaces are
/// skipped; that is all those shapes need.
enum XMLReader {
    struct Failure: Error, Equatable, CustomStringConvertible {
        var reason: String
        var offset: Int
        var description: String { "malformed XML at byte \(offset): \(reason)" }
    }

    static func parse(_ data: Data) throws(Failure) -> XMLElement {
        let bytes = [UInt8](data)
        var index = 0
        var stack: [XMLElement] = []
        var root: XMLElement?

        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let text = try decodeEntities(bytes[index..<end], offset: index)
                if !stack.isEmpty {
                    stack[stack.count - 1].text += text
                } else if text.contains(where: { !$0.isWhitespace }) {
                    throw Failure(reason: "text outside the root element", offset: index)
                }
                index = end
                continue
            }
            if starts(bytes, at: index, with: "<?") {
                index = try skip(bytes, from: index, past: "?>")
            } else if starts(bytes, at: index, with: "<!--") {
                index = try skip(bytes, from: index, past: "-->")
            } else if starts(bytes, at: index, with: "<![CDATA[") {
                let end = try skip(bytes, from: index, past: "]]>")
                guard !stack.isEmpty else { throw Failure(reason: "CDATA outside the root element", offset: index) }
                stack[stack.count - 1].text += String(decoding: bytes[(index + 9)..<(end - 3)], as: UTF8.self)
                index = end
            } else if starts(bytes, at: index, with: "<!") {
                index = try skip(bytes, from: index, past: ">")
            } else if starts(bytes, at: index, with: "</") {
                let end = try skip(bytes, from: index, past: ">")
                let name = localName(bytes[(index + 2)..<(end - 1)])
                guard let element = stack.popLast(), element.name == name else {
                    throw Failure(reason: "unexpected closing tag </\(name)>", offset: index)
                }
                if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                index = end
            } else {
                let end = try skip(bytes, from: index, past: ">")
                let selfClosing = bytes[end - 2] == UInt8(ascii: "/")
                let inner = bytes[(index + 1)..<(end - (selfClosing ? 2 : 1))]
                let nameEnd = inner.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? inner.endIndex
                let name = localName(inner[..<nameEnd])
                guard !name.isEmpty else { throw Failure(reason: "element without a name", offset: index) }
                guard root == nil else { throw Failure(reason: "a second root element", offset: index) }
                let element = XMLElement(name: name)
                if selfClosing {
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                } else {
                    stack.append(element)
                }
                index = end
            }
        }
        guard stack.isEmpty, let root else {
            throw Failure(reason: stack.isEmpty ? "no root element" : "unclosed element <\(stack.last!.name)>", offset: bytes.count)
        }
        return root
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
        bytes[index...].starts(with: prefix.utf8)
    }

    /// The index just past the next occurrence of `terminator`.
    private static func skip(_ bytes: [UInt8], from index: Int, past terminator: String) throws(Failure) -> Int {
        let pattern = Array(terminator.utf8)
        var position = index
        while position + pattern.count <= bytes.count {
            if bytes[position..<(position + pattern.count)].elementsEqual(pattern) { return position + pattern.count }
            position += 1
        }
        throw Failure(reason: "missing \(terminator)", offset: index)
    }

    private static func localName(_ bytes: ArraySlice<UInt8>) -> String {
        let name = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
        return name.split(separator: ":").last.map(String.init) ?? ""
    }

    private static func decodeEntities(_ bytes: ArraySlice<UInt8>, offset: Int) throws(Failure) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                throw Failure(reason: "unterminated entity", offset: offset)
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
                guard let scalar else { throw Failure(reason: "unknown entity &\(entity);", offset: offset) }
                result.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
