/// The environment Lambda gives a function's process
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
package enum FunctionEnvironment {
    /// Host variables passed through: credentials, endpoints for the local stack, PATH.
    static let passedThrough = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PATH", "HOME"]

    package static func make(
        configuration: FunctionConfiguration, runtimeAPI: String, region: String, host: [String: String]
    ) -> [String: String] {
        let taskRoot = directory(of: configuration.bootstrap)
        var environment: [String: String] = [
            "AWS_LAMBDA_RUNTIME_API": runtimeAPI,
            "AWS_LAMBDA_FUNCTION_NAME": configuration.name,
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": String(configuration.memorySize),
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/\(configuration.name)",
            "AWS_LAMBDA_LOG_STREAM_NAME": "local/[$LATEST]emulator",
            "AWS_LAMBDA_LOG_FORMAT": configuration.logFormat,
            "AWS_REGION": region,
            "AWS_DEFAULT_REGION": region,
            "LAMBDA_TASK_ROOT": taskRoot,
            "LAMBDA_RUNTIME_DIR": taskRoot,
            "_HANDLER": configuration.handler,
            "TZ": ":UTC",
            "LANG": "en_US.UTF-8",
        ]
        for (name, value) in host where passedThrough.contains(name) || name.hasPrefix("AWS_ENDPOINT_URL") {
            environment[name] = value
        }
        for (name, value) in configuration.environment { environment[name] = value }
        return environment
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
