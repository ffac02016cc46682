import FoundationEssentials

/// A DynamoDB attribute value, coded exactly as the wire format writes it
/// (`{"S": "text"}`, `{"N": "1.5"}`, ...).
///
/// Numbers stay strings so that no precision is lost between DynamoDB and Swift.
public indirect enum AttributeValue: Sendable, Equatable, Hashable {
    case s(String)
    case n(String)
    case b(Data)
    case ss([String])
    case ns([String])
    case bs([Data])
    case m([String: AttributeValue])
    case l([AttributeValue])
    case null
    case bool(Bool)
}

extension AttributeValue: Codable {
    private enum Tag: String, CodingKey {
        case s = "S", n = "N", b = "B", ss = "SS", ns = "NS", bs = "BS", m = "M", l = "L", null = "NULL", bool = "BOOL"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Tag.self)
        guard container.allKeys.count == 1, let tag = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "an attribute value has exactly one type tag, found \(container.allKeys.count)"
            ))
        }
        switch tag {
        case .s: self = .s(try container.decode(String.self, forKey: tag))
        case .n: self = .n(try container.decode(String.self, forKey: tag))
        case .b: self = .b(try container.decode(Data.self, forKey: tag))
        case .ss: self = .ss(try container.decode([String].self, forKey: tag))
        case .ns: self = .ns(try container.decode([String].self, forKey: tag))
        case .bs: self = .bs(try container.decode([Data].self, forKey: tag))
        case .m: self = .m(try container.decode([String: AttributeValue].self, forKey: tag))
        case .l: self = .l(try container.decode([AttributeValue].self, forKey: tag))
        case .null: self = .null
        case .bool: self = .bool(try container.decode(Bool.self, forKey: tag))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Tag.self)
        switch self {
        case .s(let value): try container.encode(value, forKey: .s)
        case .n(let value): try container.encode(value, forKey: .n)
        case .b(let value): try container.encode(value, forKey: .b)
        case .ss(let value): try container.encode(value, forKey: .ss)
        case .ns(let value): try container.encode(value, forKey: .ns)
        case .bs(let value): try container.encode(value, forKey: .bs)
        case .m(let value): try container.encode(value, forKey: .m)
        case .l(let value): try container.encode(value, forKey: .l)
        case .null: try container.encode(true, forKey: .null)
        case .bool(let value): try container.encode(value, forKey: .bool)
        }
    }
}
