// local-platform: one process for `make dev` and the integration tests.
// - Lambda: every built function of dev-platform.json as bootstrap child
//   processes, with the Runtime API and the RIE-compatible Invoke API on one
//   port (LAMBDA_EMULATOR_URL).
// - API Gateway: the REST API of infra/routes.json on another port
//   (PLATFORM_API_URL), invoking the same functions in-process.
import FoundationEssentials
import HTTPServer
import HTTPWire
import LambdaHost
import LocalAgentCore
import LocalGateway
import LocalMCPGateway
import LocalStreams
import AWSCore
import EntraAuth
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    LambdaHost.standardOutput("local-platform: \(message)")
    exit(2)
}

let arguments: PlatformArguments
do {
    arguments = try PlatformArguments(parsing: Array(CommandLine.arguments.dropFirst()))
} catch {
    fail(error.description)
}
var environment = ProcessInfo.processInfo.environment
let configuration: LocalPlatformConfiguration
let routes: RouteTable
do {
    configuration = try LocalPlatformConfiguration(json: try Data(contentsOf: URL(fileURLWithPath: arguments.configPath)))
    routes = try RouteTable(json: try Data(contentsOf: URL(fileURLWithPath: arguments.routesPath)))
} catch {
    fail("cannot read \(arguments.configPath) or \(arguments.routesPath): \(error)")
}

// Before any thread starts: shutdown waits for SIGINT/SIGTERM on this thread.
let shutdown = ShutdownSignals.block()

// The local AgentCore Runtime data plane (LocalAgentCore, docs/decisions/0024)
// starts before the functions, so they get its URL as
// AWS_ENDPOINT_URL_BEDROCK_AGENTCORE; AWS_ENDPOINT_URL_LAMBDA is the emulator
// (the bridge starts the async-runner through it), so its port is fixed first.
let agentCore: LocalAgentCoreServer
var emulatorPort = arguments.emulatorPort
do {
    agentCore = try LocalAgentCore.start(try .localStack(configPath: arguments.configPath, host: arguments.host,
                                                     environment: environment))
    if emulatorPort == 0 {
        let (probe, port) = try TCPSocket.listen(host: arguments.host, port: 0)
        probe.close()
        emulatorPort = port
    }
} catch {
    fail("could not start the local AgentCore Runtime: \(error)")
}
environment["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"] = agentCore.url

// The local S3 front (docs/decisions/0032): the functions that presign download
// URLs get it as their S3 endpoint (dev-platform.json), so the URLs verify like on AWS.
let s3Front: HTTPServer
do {
    let upstream = try AWSEnvironment(environment).endpoint(for: .s3, region: configuration.region)
    let front = LocalS3Front(region: configuration.region,
                             credentials: EnvironmentCredentialProvider(environment: environment),
                             upstream: upstream, transport: CurlTransport(), now: { Date() },
                             requestID: { UUID().uuidString })
    s3Front = try HTTPServer(host: arguments.host, port: 0, handler: S3FrontHTTPHandler.handler(front: front))
} catch {
    fail("could not start the local S3 front: \(error)")
}
environment["PLATFORM_S3_FRONT_URL"] = "http://\(s3Front.address)"
environment["AWS_ENDPOINT_URL_LAMBDA"] = environment["AWS_ENDPOINT_URL_LAMBDA"] ?? "http://\(arguments.host):\(emulatorPort)"

let binDirectory = arguments.binDirectory ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let (functions, missing) = HostedFunctions.configurations(configuration, binDirectory: binDirectory, environment: environment)
let host: LambdaHost
let emulator: HTTPServer
let api: HTTPServer
do {
    host = try LambdaHost(functions: functions, region: configuration.region, hostEnvironment: environment)
    emulator = try HTTPServer(host: arguments.host, port: emulatorPort, handler: InvokeEndpoint.router(host: host).handler)
    let gatewayConfiguration = configuration.gatewayConfiguration(expandingFrom: environment)
    let gateway = LocalAPIGateway(
        routes: routes, configuration: gatewayConfiguration, invoker: LambdaHostInvoker(host: host),
        log: { LambdaHost.standardOutput("api \($0)") }
    )
    api = try HTTPServer(
        host: arguments.host, port: arguments.apiPort,
        handler: GatewayHTTPHandler.handler(gateway: gateway, maxRequestBytes: gatewayConfiguration.maxRequestBytes)
    )
} catch {
    fail("could not start: \(error)")
}

// The local AgentCore Gateway (docs/decisions/0041): MCP in front of the tool
// Lambdas, through both interceptors, when the identity provider is configured.
var mcp: HTTPServer?
do {
    let entra = try EntraConfiguration(environment: environment)
    let transport = CurlTransport()
    let validator = try EntraTokenValidator(configuration: entra, transport: transport)
    let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport,
                                                        region: configuration.region))
    let toolsTable = configuration.environment["TOOLS_TABLE"] ?? "platform-tools"
    let gateway = MCPGateway(
        authenticate: { token in _ = try await validator.validate(token, now: Date()) },
        catalog: DynamoDBToolCatalog(dynamoDB: dynamoDB, tableName: toolsTable), invoker: LambdaHostInvoker(host: host),
        log: { LambdaHost.standardOutput($0) })
    mcp = try HTTPServer(host: arguments.host, port: 0, handler: MCPHTTPHandler.handler(gateway: gateway))
} catch {
    LambdaHost.standardOutput("local-platform: no MCP gateway: \(error)")
}

// The platform-jobs stream feeds webhook-delivery, like its event source mapping.
var jobStream: TableStreamPoller?
if host.functionNames.contains("webhook-delivery") {
    do {
        let transport = CurlTransport()
        let dynamoDB = DynamoDBClient(client: try AWSClient(service: .dynamoDB, environment: environment, transport: transport,
                                                            region: configuration.region))
        let streams = DynamoDBStreamsClient(client: try AWSClient(service: .dynamoDBStreams, environment: environment,
                                                                  transport: transport, region: configuration.region))
        let poller = TableStreamPoller(
            dynamoDB: dynamoDB, streams: streams, table: environment["JOBS_TABLE"] ?? "platform-jobs",
            region: configuration.region, log: { LambdaHost.standardOutput("streams \($0)") }
        ) { event in
            guard let result = try? await host.invokeAsync(function: "webhook-delivery", payload: event) else { return false }
            return result.error == nil
        }
        poller.start()
        jobStream = poller
    } catch {
        LambdaHost.standardOutput("local-platform: no jobs stream poller: \(error)")
    }
}

let apiURL = "http://\(api.address)"
let emulatorURL = "http://\(emulator.address)"
LambdaHost.standardOutput("local-platform: API \(apiURL), MCP gateway \(mcp.map { "http://\($0.address)\(MCPGateway.path)" } ?? "off"), Lambda emulator \(emulatorURL), S3 front http://\(s3Front.address), functions: \(host.functionNames.joined(separator: ","))")
if !missing.isEmpty {
    LambdaHost.standardOutput("local-platform: not built yet, not hosted: \(missing.joined(separator: ","))")
}
if let readyFile = arguments.readyFile {
    let mcpURL = mcp.map { "http://\($0.address)\(MCPGateway.path)" } ?? ""
    let ready = "{\"mcp\":\"\(mcpURL)\",\"api\":\"\(apiURL)\",\"emulator\":\"\(emulatorURL)\",\"agentcore\":\"\(agentCore.url)\",\"s3\":\"http://\(s3Front.address)\"}\n"
    do {
        try Data(ready.utf8).write(to: URL(fileURLWithPath: readyFile))
    } catch {
        fail("cannot write \(readyFile): \(error)")
    }
}

shutdown.wait()
jobStream?.stop()
mcp?.stop()
api.stop()
s3Front.stop()
emulator.stop()
host.stop()
agentCore.stop()
exit(0)
