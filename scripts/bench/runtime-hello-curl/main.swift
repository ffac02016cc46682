// Benchmark peer: the hello function plus a link against libcurl, to measure
// what loading Debian's libcurl tree adds to cold start. It calls curl only
// when RUNTIME_BENCH_TOUCH_CURL is set, which keeps the library a real NEEDED entry.
import CCurl
import LambdaRuntime

struct Greeting: Decodable, Sendable {
    var name: String?
}

struct Reply: Encodable, Sendable {
    var message: String
}

await LambdaRuntime.run(setUp: { initContext in
    if initContext.environment["RUNTIME_BENCH_TOUCH_CURL"] != nil {
        initContext.logger.info("libcurl \(String(cString: curl_version()))")
    }
    return .codable { (event: Greeting, _: LambdaContext) in
        Reply(message: "hello \(event.name ?? "world")")
    }
})
