/// Pings a runtime session through the AgentCore data plane (`InvokeAgentRuntime`
/// with the session id header and a `{"action":"ping"}` payload).
protocol RuntimeSessionPinger: Sendable {
    func ping(runtimeARN: String, region: String, sessionID: String) async throws(RuntimePingError)
}
