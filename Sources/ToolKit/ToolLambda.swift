import AWSCore
import FoundationEssentials
import LambdaRuntime
import PlatformJSON

/// The runtime loop every tool Lambda shares: parse the gateway's event,
/// verify the scoped token for this tool, then run the tool's body for the
/// caller the token names. The log line carries the outcome and the acting
/// user (ADR 0004: every action traces to a user), never the token or arguments.
public enum ToolLambda {
    /// What a tool gets: its caller, its arguments, and the AWS wiring.
    public typealias Body = @Sendable (ToolCaller, ToolRequest) async throws(ToolRefusal) -> ToolResult

    public static func run(
        toolName: String, setUp: @escaping @Sendable (_ environment: [String: String], _ transport: CurlTransport) throws -> Body
    ) async -> Never {
        await LambdaRuntime.run(setUp: { context in
            guard let platformEnvironment = context.environment["PLATFORM_ENV"], !platformEnvironment.isEmpty else {
                throw MissingSetting(name: "PLATFORM_ENV")
            }
            let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
            let key = ToolSigningKey(
                platformEnvironment: platformEnvironment,
                secretsManager: SecretsManagerClient(client: try AWSClient(
                    service: .secretsManager, environment: context.environment, transport: transport)),
                now: { Date() })
            let body = try setUp(context.environment, transport)
            let verifier = ScopedTokenVerifier(toolName: toolName)
            return .raw { event, invocation in
                let result: ToolResult
                do throws(ToolRefusal) {
                    let request = try ToolRequest(event: Array(event))
                    let caller = try verifier.verify(request, secret: try await key.current(), now: Date())
                    result = try await body(caller, request)
                    invocation.logger.info("\(toolName): answered for \(caller.actingSub) of \(caller.tenantID.rawValue)")
                } catch {
                    invocation.logger.info("\(toolName): refused: \(error.description)")
                    result = .refused(error)
                }
                return Data(result.json.serialized())
            }
        })
    }

    struct MissingSetting: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not set" }
    }
}
