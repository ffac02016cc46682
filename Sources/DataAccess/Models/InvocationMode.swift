/// How an agent version is invoked; declared by the agent, never inferred.
public enum InvocationMode: String, StrictStringEnum, Hashable {
    case sync
    case streaming
    case async
}
