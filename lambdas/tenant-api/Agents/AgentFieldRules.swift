import DataAccess
import PlatformAPI

/// Field rules of the agent registry requests that DataAccess has no type for
/// (docs/openapi.yaml `AgentVersionCreate` / `AgentVersionUpdate`).
struct AgentFieldRules {
    private(set) var details: [APIError.Detail] = []

    mutating func fail(_ field: String, _ message: String) { details.append(.init(field: field, message: message)) }

    /// Runs a DataAccess parse, keeping its error as a detail.
    mutating func parse<T>(_ field: String, _ text: String?, required: Bool, _ body: (String) throws -> T) -> T? {
        guard let text else {
            if required { fail(field, "is required") }
            return nil
        }
        do { return try body(text) } catch let error as ValidationError { fail(field, error.message) } catch {
            fail(field, "is not valid")
        }
        return nil
    }

    /// 1...`limit` characters when present (or required).
    mutating func text(_ field: String, _ value: String?, limit: Int, required: Bool = false) -> String? {
        guard let value else {
            if required { fail(field, "is required") }
            return nil
        }
        guard !value.isEmpty, value.count <= limit else {
            fail(field, "must be 1 to \(limit) characters")
            return nil
        }
        return value
    }

    mutating func layerHash(_ value: String?) -> String? {
        guard let value else { return nil }
        guard value.utf8.count == 16, value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            fail("layerHash", "must be 16 lower-case hex digits")
            return nil
        }
        return value
    }

    /// `arn:aws:bedrock-agentcore:{region}:{12 digits}:runtime/{id}`.
    mutating func runtimeARN(_ value: String?, required: Bool) -> String? {
        guard let value else {
            if required { fail("runtimeArn", "is required") }
            return nil
        }
        let parts = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let valid = value.utf8.count <= 2048 && parts.count == 6 && parts[0] == "arn" && parts[1] == "aws"
            && parts[2] == "bedrock-agentcore" && !parts[3].isEmpty
            && parts[3].utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && parts[4].utf8.count == 12 && parts[4].utf8.allSatisfy { (0x30...0x39).contains($0) }
            && parts[5].hasPrefix("runtime/") && parts[5].count > "runtime/".count
        guard valid else {
            fail("runtimeArn", "must be an AgentCore runtime ARN arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}")
            return nil
        }
        return value
    }

    mutating func score(_ value: Double?) -> Double? {
        guard let value else { return nil }
        guard value.isFinite, (0...1).contains(value) else {
            fail("evaluationScore", "must be a number from 0 to 1")
            return nil
        }
        return value
    }
}
