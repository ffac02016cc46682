import FoundationEssentials
import LambdaHost
import LocalGateway

/// The functions of `dev-platform.json` whose products are built, as the Lambda host's configurations.
enum HostedFunctions {
    static func configurations(
        _ configuration: LocalPlatformConfiguration, binDirectory: String, environment: [String: String],
        exists: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) -> (hosted: [FunctionConfiguration], missing: [String]) {
        var hosted: [FunctionConfiguration] = []
        var missing: [String] = []
        for function in configuration.functions {
            let bootstrap = "\(binDirectory)/\(function.product)"
            guard exists(bootstrap) else {
                missing.append(function.name)
                continue
            }
            hosted.append(FunctionConfiguration(
                name: function.name, bootstrap: bootstrap,
                environment: configuration.environment(of: function, expandingFrom: environment),
                memorySize: function.memory, timeout: function.timeout, concurrency: function.concurrency,
                streaming: function.streaming
            ))
        }
        return (hosted, missing)
    }
}
