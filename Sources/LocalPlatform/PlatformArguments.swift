/// `local-platform` flags.
struct PlatformArguments: Equatable {
    var configPath = "scripts/dev-platform.json"
    var routesPath = "infra/routes.json"
    /// Where the function products are; default: this executable's own folder (SwiftPM's bin path).
    var binDirectory: String?
    var host = "127.0.0.1"
    var apiPort = 0
    var emulatorPort = 0
    /// Written with `{"api": URL, "emulator": URL}` once both listen.
    var readyFile: String?

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static let usage = """
        usage: local-platform [--config FILE] [--routes FILE] [--bin-dir DIR] [--host ADDR]
                              [--api-port N] [--emulator-port N] [--ready-file FILE]
        """

    init() {}

    init(parsing arguments: [String]) throws(UsageError) {
        var index = 0
        func value() throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(arguments[index - 1]) needs a value\n\(Self.usage)") }
            return arguments[index]
        }
        func port() throws(UsageError) -> Int {
            let text = try value()
            guard let port = Int(text), (0..<65_536).contains(port) else { throw UsageError(description: "bad port \(text)") }
            return port
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--config": configPath = try value()
            case "--routes": routesPath = try value()
            case "--bin-dir": binDirectory = try value()
            case "--host": host = try value()
            case "--api-port": apiPort = try port()
            case "--emulator-port": emulatorPort = try port()
            case "--ready-file": readyFile = try value()
            default: throw UsageError(description: "unknown argument \(arguments[index])\n\(Self.usage)")
            }
            index += 1
        }
    }
}
