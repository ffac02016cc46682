/// How to host one function, as in a Lambda function configuration.
package struct FunctionConfiguration: Codable, Sendable, Equatable {
    package var name: String
    /// Path of the `bootstrap` executable; its folder becomes `LAMBDA_TASK_ROOT`.
    package var bootstrap: String
    package var environment: [String: String]
    package var memorySize: Int
    /// Seconds an invocation may run before the process is killed.
    package var timeout: Double
    /// Process slots, each with its own Runtime API address.
    package var concurrency: Int
    /// Whether callers (a gateway, `make dev`) should use the streaming invoke.
    package var streaming: Bool
    /// Seconds a new process has to call `next` before it is killed.
    package var initTimeout: Double
    /// `Text` or `JSON`, exported as `AWS_LAMBDA_LOG_FORMAT`.
    package var logFormat: String
    package var handler: String
    /// Program and leading arguments that run `bootstrap` (its path is appended), e.g.
    /// `qemu-aarch64-static -L SYSROOT` for an aarch64 bootstrap on an x86_64 host.
    /// Empty runs `bootstrap` itself, as Lambda does.
    package var launcher: [String]

    package init(
        name: String, bootstrap: String, environment: [String: String] = [:], memorySize: Int = 128,
        timeout: Double = 3, concurrency: Int = 1, streaming: Bool = false, initTimeout: Double = 10,
        logFormat: String = "Text", handler: String = "bootstrap", launcher: [String] = []
    ) {
        self.name = name
        self.bootstrap = bootstrap
        self.environment = environment
        self.memorySize = memorySize
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.streaming = streaming
        self.initTimeout = initTimeout
        self.logFormat = logFormat
        self.handler = handler
        self.launcher = launcher
    }

    /// Decodes with the same defaults as `init`, so a config file names only what differs.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            bootstrap: try c.decode(String.self, forKey: .bootstrap),
            environment: try c.decodeIfPresent([String: String].self, forKey: .environment) ?? [:],
            memorySize: try c.decodeIfPresent(Int.self, forKey: .memorySize) ?? 128,
            timeout: try c.decodeIfPresent(Double.self, forKey: .timeout) ?? 3,
            concurrency: try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? 1,
            streaming: try c.decodeIfPresent(Bool.self, forKey: .streaming) ?? false,
            initTimeout: try c.decodeIfPresent(Double.self, forKey: .initTimeout) ?? 10,
            logFormat: try c.decodeIfPresent(String.self, forKey: .logFormat) ?? "Text",
            handler: try c.decodeIfPresent(String.self, forKey: .handler) ?? "bootstrap",
            launcher: try c.decodeIfPresent([String].self, forKey: .launcher) ?? []
        )
    }
}
