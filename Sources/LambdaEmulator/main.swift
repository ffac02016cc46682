// lambda-emulator: hosts bootstrap executables behind the Lambda Runtime API
// and serves the Invoke API. See EmulatorConfiguration for the flags.
import FoundationEssentials
import HTTPServer
import LambdaHost
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    var line = Array("lambda-emulator: \(message)\n".utf8)
    _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

let configuration: EmulatorConfiguration
do {
    configuration = try EmulatorConfiguration.parse(
        arguments: Array(CommandLine.arguments.dropFirst()),
        readFile: { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    )
} catch {
    fail("\(error)")
}

// Before any thread starts: shutdown waits for SIGINT/SIGTERM on this thread.
let shutdown = ShutdownSignals.block()
let environment = ProcessInfo.processInfo.environment
let host: LambdaHost
let server: HTTPServer
do {
    host = try LambdaHost(functions: configuration.functions, region: configuration.region, hostEnvironment: environment)
    server = try HTTPServer(host: configuration.host, port: configuration.port, handler: InvokeEndpoint.router(host: host).handler)
} catch {
    fail("could not listen: \(error)")
}
LambdaHost.standardOutput("lambda-emulator listening on http://\(server.address) functions: \(host.functionNames.joined(separator: ","))")

shutdown.wait()
host.stop()
server.stop()
exit(0)
