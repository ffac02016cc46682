import FoundationEssentials

/// `scripts/dev-platform.json`: which functions the local platform hosts and
/// how, and how its API Gateway is set up. Each function names the SwiftPM
/// executable product that is its `bootstrap`; products not built yet are
/// skipped, so an entry can land before its function does.
///
/// Values may use `${NAME}` or `${NAME:-default}`, expanded from the local
/// platform's own environment (the supervisor passes the identity provider's
/// URLs and the local AWS endpoint that way).
public struct LocalPlatformConfiguration: Decodable, Sendable, Equatable {
    public struct Function: Decodable, Sendable, Equatable {
        public var name: String
        public var product: String
        public var environment: [String: String]
        public var timeout: Double
        public var memory: Int
        public var concurrency: Int
        public var streaming: Bool

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            product = try c.decodeIfPresent(String.self, forKey: .product) ?? name
            environment = try c.decodeIfPresent([String: String].self, forKey: .environment) ?? [:]
            timeout = try c.decodeIfPresent(Double.self, forKey: .timeout) ?? 30
            memory = try c.decodeIfPresent(Int.self, forKey: .memory) ?? 256
            concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? 2
            streaming = try c.decodeIfPresent(Bool.self, forKey: .streaming) ?? false
        }

        enum CodingKeys: String, CodingKey { case name, product, environment, timeout, memory, concurrency, streaming }
    }

    public struct Gateway: Decodable, Sendable, Equatable {
        public var apiID: String
        public var stage: String
        public var authoriserFunction: String
        /// `${...}` allowed, so tests can shorten it.
        public var authoriserCacheTTLSeconds: String
        /// The web console's origin, the only one CORS allows (`${...}` allowed; empty: CORS off).
        public var consoleOrigin: String

        public init() {
            apiID = "localapi01"
            stage = "local"
            authoriserFunction = "authoriser"
            authoriserCacheTTLSeconds = "300"
            consoleOrigin = ""
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            apiID = try c.decodeIfPresent(String.self, forKey: .apiID) ?? "localapi01"
            stage = try c.decodeIfPresent(String.self, forKey: .stage) ?? "local"
            authoriserFunction = try c.decodeIfPresent(String.self, forKey: .authoriserFunction) ?? "authoriser"
            authoriserCacheTTLSeconds = try c.decodeIfPresent(String.self, forKey: .authoriserCacheTTLSeconds) ?? "300"
            consoleOrigin = try c.decodeIfPresent(String.self, forKey: .consoleOrigin) ?? ""
        }

        enum CodingKeys: String, CodingKey {
            case apiID = "apiId", stage, authoriserFunction, authoriserCacheTTLSeconds, consoleOrigin
        }
    }

    public var region: String
    public var accountID: String
    /// Variables every function gets, under its own.
    public var environment: [String: String]
    public var gateway: Gateway
    public var functions: [Function]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        region = try c.decodeIfPresent(String.self, forKey: .region) ?? "eu-west-2"
        accountID = try c.decodeIfPresent(String.self, forKey: .accountID) ?? "123456789012"
        environment = try c.decodeIfPresent([String: String].self, forKey: .environment) ?? [:]
        gateway = try c.decodeIfPresent(Gateway.self, forKey: .gateway) ?? Gateway()
        functions = try c.decodeIfPresent([Function].self, forKey: .functions) ?? []
    }

    enum CodingKeys: String, CodingKey { case region, accountID = "accountId", environment, gateway, functions }

    public init(json: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: json)
    }

    /// A function's environment: the shared variables, then its own, each expanded.
    public func environment(of function: Function, expandingFrom process: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in environment { result[name] = Self.expand(value, from: process) }
        for (name, value) in function.environment { result[name] = Self.expand(value, from: process) }
        return result
    }

    /// The gateway's settings, expanded.
    public func gatewayConfiguration(expandingFrom process: [String: String]) -> GatewayConfiguration {
        GatewayConfiguration(
            region: region, accountID: accountID, apiID: gateway.apiID, stage: gateway.stage,
            authoriserFunction: gateway.authoriserFunction,
            authoriserCacheTTL: TimeInterval(Self.expand(gateway.authoriserCacheTTLSeconds, from: process)) ?? 300,
            cors: CORSPolicy(allowedOrigin: Self.expand(gateway.consoleOrigin, from: process))
        )
    }

    /// Replaces `${NAME}` and `${NAME:-default}`; an unset name without a default becomes empty.
    static func expand(_ text: String, from variables: [String: String]) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "${") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let body = rest[open.upperBound..<close]
            if let split = body.firstRange(of: ":-") {
                let value = variables[String(body[..<split.lowerBound])] ?? ""
                output += value.isEmpty ? String(body[split.upperBound...]) : value
            } else {
                output += variables[String(body)] ?? ""
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
