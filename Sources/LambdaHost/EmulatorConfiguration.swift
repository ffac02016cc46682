import FoundationEssentials

/// The emulator's configuration, from a JSON file and/or command-line flags.
package struct EmulatorConfiguration: Codable, Sendable, Equatable {
    package var host = "127.0.0.1"
    package var port = 9001
    package var region = "us-east-1"
    package var functions: [FunctionConfiguration] = []

    package init() {}

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? host
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? port
        region = try c.decodeIfPresent(String.self, forKey: .region) ?? region
        functions = try c.decodeIfPresent([FunctionConfiguration].self, forKey: .functions) ?? []
    }

    package struct UsageError: Error, Equatable, CustomStringConvertible {
        package var description: String
    }

    /// Parses `--config FILE`, `--host`, `--port`, `--region` and repeated
    /// `--function name=N,bootstrap=PATH[,memory=MB][,timeout=S][,concurrency=N][,streaming=true][,init-timeout=S][,log-format=JSON][,env.KEY=VALUE][,launcher=PROGRAM ARG...]`
    /// (the launcher's words are separated by spaces).
    package static func parse(arguments: [String], readFile: (String) throws -> Data) throws -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--config":
                let file = try JSONDecoder().decode(EmulatorConfiguration.self, from: try readFile(try value()))
                configuration.host = file.host
                configuration.port = file.port
                configuration.region = file.region
                configuration.functions += file.functions
            case "--host": configuration.host = try value()
            case "--port":
                let text = try value()
                guard let port = Int(text), (0..<65_536).contains(port) else { throw UsageError(description: "bad port \(text)") }
                configuration.port = port
            case "--region": configuration.region = try value()
            case "--function": configuration.functions.append(try function(from: try value()))
            default: throw UsageError(description: "unknown argument \(arguments[index])")
            }
            index += 1
        }
        guard !configuration.functions.isEmpty else { throw UsageError(description: "no functions configured") }
        return configuration
    }

    static func function(from spec: String) throws -> FunctionConfiguration {
        var fields: [String: String] = [:]
        var environment: [String: String] = [:]
        for part in spec.split(separator: ",") {
            guard let equals = part.firstIndex(of: "=") else { throw UsageError(description: "expected key=value in \(part)") }
            let key = String(part[..<equals]), text = String(part[part.index(after: equals)...])
            if key.hasPrefix("env.") { environment[String(key.dropFirst(4))] = text } else { fields[key] = text }
        }
        guard let name = fields["name"], let bootstrap = fields["bootstrap"] else {
            throw UsageError(description: "--function needs name= and bootstrap=")
        }
        func number(_ key: String, _ fallback: Double) throws -> Double {
            guard let text = fields[key] else { return fallback }
            guard let number = Double(text), number > 0 else { throw UsageError(description: "bad \(key) \(text)") }
            return number
        }
        return FunctionConfiguration(
            name: name, bootstrap: bootstrap, environment: environment,
            memorySize: Int(try number("memory", 128)), timeout: try number("timeout", 3),
            concurrency: Int(try number("concurrency", 1)), streaming: fields["streaming"] == "true",
            initTimeout: try number("init-timeout", 10), logFormat: fields["log-format"] ?? "Text",
            launcher: fields["launcher"].map { $0.split(separator: " ").map(String.init) } ?? []
        )
    }
}
