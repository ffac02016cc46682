import LambdaHost
import LocalGateway

/// The gateway's functions, invoked in-process through the Lambda host
/// (the same processes the emulator's Invoke API reaches). Used by the REST
/// API gateway and the MCP gateway of `local-platform`.
package struct LambdaHostInvoker: FunctionInvoker {
    let host: LambdaHost

    package init(host: LambdaHost) { self.host = host }

    package func invoke(function: String, payload: [UInt8]) throws(FunctionInvokeError) -> any FunctionResponseSource {
        do {
            return InvocationSource(invocation: try host.startInvocation(function: function, payload: payload))
        } catch .functionNotFound(let name) {
            throw .functionNotFound(name)
        } catch {
            throw .stopped
        }
    }
}

private struct InvocationSource: FunctionResponseSource {
    let invocation: Invocation

    func next() -> FunctionResponseEvent {
        switch invocation.nextEvent() {
        case .head(let contentType): .head(contentType: contentType)
        case .chunk(let bytes): .chunk(bytes)
        case .end: .end
        case .failure(let error): .failure(errorType: error.errorType, payload: error.payload)
        }
    }
}
