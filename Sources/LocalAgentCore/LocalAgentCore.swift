/// Starts the local AgentCore Runtime data plane; the local platform calls
/// this once and exports the returned URL as `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE`.
package enum LocalAgentCore {
    package static func start(_ configuration: LocalAgentCoreConfiguration) throws -> LocalAgentCoreServer {
        try LocalAgentCoreServer(configuration: configuration)
    }
}
