#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import HTTPWire

/// Hosts functions like Lambda, in-process: the emulator, a local API Gateway
/// and tests invoke through it.
///
///     let host = try LambdaHost(functions: [FunctionConfiguration(name: "hello", bootstrap: path)])
///     let result = try host.invoke(function: "hello", payload: Array("{}".utf8))
package final class LambdaHost: Sendable {
    private let functions: [String: FunctionHost]

    /// Starts a Runtime API listener per process slot; processes start on first use.
    /// `log` receives START/END/REPORT lines (nil: none, which skips the /proc reads).
    package init(
        functions: [FunctionConfiguration], region: String = "us-east-1", hostEnvironment: [String: String] = [:],
        log: (@Sendable (String) -> Void)? = LambdaHost.standardOutput
    ) throws(HTTPWireError) {
        var hosts: [String: FunctionHost] = [:]
        for configuration in functions {
            hosts[configuration.name] = try FunctionHost(
                configuration: configuration, region: region, hostEnvironment: hostEnvironment, log: log
            )
        }
        self.functions = hosts
    }

    package var functionNames: [String] { functions.keys.sorted() }

    package func function(named name: String) -> FunctionHost? {
        // A plain name (the common case) needs no ARN or qualifier parsing.
        functions[name] ?? functions[Self.functionName(name)]
    }

    /// Invokes and waits for the whole response (the Invoke API, `RequestResponse`).
    package func invoke(function name: String, payload: [UInt8], options: InvokeOptions = InvokeOptions())
        throws(InvokeError) -> InvocationResult {
        let invocation = try startInvocation(function: name, payload: payload, options: options)
        return InvocationResult.collect(invocation, limit: FunctionHost.responseLimit)
    }

    /// `invoke` for async callers: nothing blocks the cooperative pool; the
    /// thread that ends the invocation resumes the caller.
    package func invokeAsync(function name: String, payload: [UInt8], options: InvokeOptions = InvokeOptions())
        async throws(InvokeError) -> InvocationResult {
        let invocation = try startInvocation(function: name, payload: payload, options: options)
        return await withCheckedContinuation { continuation in
            invocation.collect(limit: FunctionHost.responseLimit) { continuation.resume(returning: $0) }
        }
    }

    /// Queues an invocation whose events the caller reads with `nextEvent()` as
    /// they happen (InvokeWithResponseStream). Read until `.end` or `.failure`.
    package func startInvocation(function name: String, payload: [UInt8], options: InvokeOptions = InvokeOptions())
        throws(InvokeError) -> Invocation {
        guard let function = function(named: name) else { throw .functionNotFound(name) }
        return try function.submit(payload: payload, options: options)
    }

    /// Kills every process and stops the Runtime API listeners.
    package func stop() {
        for function in functions.values { function.stop() }
    }

    /// Accepts a name, `name:qualifier`, or a function ARN.
    static func functionName(_ identifier: String) -> String {
        var name = Substring(identifier)
        if let range = name.firstRange(of: ":function:") { name = name[range.upperBound...] }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        return String(name)
    }

    /// Writes each line to stdout with one `write(2)`, unbuffered.
    package static let standardOutput: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)
        bytes.append(10)
        _ = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
    }
}
