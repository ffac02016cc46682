// The hello-world function: a benchmark and test fixture for the runtime.
import LambdaRuntime

struct Greeting: Decodable, Sendable {
    var name: String?
}

struct Reply: Encodable, Sendable {
    var message: String
}

await LambdaRuntime.run { (event: Greeting, _: LambdaContext) in
    Reply(message: "hello \(event.name ?? "world")")
}
