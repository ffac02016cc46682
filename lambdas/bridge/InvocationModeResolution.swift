import DataAccess

/// The declared mode decides (ADR 0005): a `sync` agent with `streamingEnabled`
/// streams when the client accepts `text/event-stream`; `streaming` always
/// streams; `async` always answers 202.
enum InvocationModeResolution {
    static func resolve(_ agent: AgentVersion, accept: String?) -> InvocationMode {
        switch agent.invocationMode {
        case .async: .async
        case .streaming: .streaming
        case .sync: agent.streamingEnabled && acceptsEventStream(accept) ? .streaming : .sync
        }
    }

    static func acceptsEventStream(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").contains {
            $0.split(separator: ";").first?.trimmingSpaces.lowercased() == "text/event-stream"
        }
    }
}
