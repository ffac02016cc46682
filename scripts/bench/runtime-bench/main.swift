// Measures bootstraps through LambdaHost and its Invoke endpoint, side by side:
// cold start (spawn to first GET /next), warm invocations/s and p99, peak RSS.
//   runtime-bench --cold N --warm-seconds S --clients C name=path [name=path...]
import FoundationEssentials
import HTTPServer
import HTTPWire
import LambdaHost
#if canImport(Glibc)
import Glibc
#endif

signal(SIGPIPE, SIG_IGN)
var coldRuns = 50
var warmSeconds = 5.0
var clients = 2
var bootstraps: [(String, String)] = []
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--cold": coldRuns = Int(arguments.removeFirst()) ?? coldRuns
    case "--warm-seconds": warmSeconds = Double(arguments.removeFirst()) ?? warmSeconds
    case "--clients": clients = Int(arguments.removeFirst()) ?? clients
    default:
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fatalError("expected name=path, got \(argument)") }
        bootstraps.append((parts[0], parts[1]))
    }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func format(_ value: Double, _ decimals: Int = 2) -> String {
    let scale = Double([1, 10, 100, 1000][decimals])
    let scaled = Int((value * scale).rounded())
    let fraction = String(scaled % Int(scale))
    return decimals == 0 ? "\(scaled)" : "\(scaled / Int(scale)).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
}

let payload = Array(#"{"name":"bench"}"#.utf8)
print("function\tcold_median_ms\tcold_p90_ms\twarm_inv_per_s\twarm_p50_ms\twarm_p99_ms\tpeak_rss_mb")
for (name, path) in bootstraps {
    let host = try LambdaHost(functions: [
        FunctionConfiguration(name: name, bootstrap: path, timeout: 30, concurrency: clients),
    ], log: nil)
    let function = host.function(named: name)!

    // Cold: one invocation per fresh process, then recycle the environment.
    for _ in 0..<coldRuns {
        _ = try host.invoke(function: name, payload: payload)
        function.recycle()
    }
    let cold = function.initDurations

    // Warm: keep-alive clients through the Invoke endpoint, one in flight each.
    let server = try HTTPServer(handler: InvokeEndpoint.router(host: host).handler)
    let request = Array("POST /2015-03-31/functions/\(name)/invocations HTTP/1.1\r\nHost: b\r\nContent-Length: \(payload.count)\r\n\r\n".utf8) + payload
    for _ in 0..<200 {  // warm-up: start every slot's process
        let socket = try TCPSocket.connect(host: "127.0.0.1", port: server.port)
        let reader = HTTPReader(source: socket)
        try socket.send(request)
        let head = try HTTPHeadParser.parseResponse(try reader.readHead(limit: 65_536)!)
        _ = try HTTPBodyReader(reader: reader, framing: .length(Int(head.fields["Content-Length"]!)!)).readAll(limit: 1 << 20)
    }
    let results = ConditionLock<(latencies: [Double], done: Int)>(([], 0))
    let end = monotonicNanoseconds() + UInt64(warmSeconds * 1e9)
    for _ in 0..<clients {
        DetachedThread.start {
            var latencies: [Double] = []
            latencies.reserveCapacity(200_000)
            do {
                let socket = try TCPSocket.connect(host: "127.0.0.1", port: server.port)
                let reader = HTTPReader(source: socket)
                while monotonicNanoseconds() < end {
                    let start = monotonicNanoseconds()
                    try socket.send(request)
                    let head = try HTTPHeadParser.parseResponse(try reader.readHead(limit: 65_536)!)
                    let length = Int(head.fields["Content-Length"] ?? "0") ?? 0
                    _ = try HTTPBodyReader(reader: reader, framing: .length(length)).readAll(limit: 1 << 20)
                    precondition(head.status == 200 && head.fields["X-Amz-Function-Error"] == nil, "invocation failed")
                    latencies.append(Double(monotonicNanoseconds() - start) / 1e6)
                }
            } catch {
                print("client failed: \(error)")
            }
            results.withLock { $0.latencies += latencies; $0.done += 1 }
            results.broadcast()
        }
    }
    let latencies = results.wait { $0.done == clients ? $0.latencies : nil }!
    let peak = function.peakMemoryKilobytes.max() ?? 0
    server.stop()
    host.stop()
    print([
        name, format(percentile(cold, 0.5)), format(percentile(cold, 0.9)),
        format(Double(latencies.count) / warmSeconds, 0), format(percentile(latencies, 0.5), 3),
        format(percentile(latencies, 0.99), 3), format(Double(peak) / 1024, 1),
    ].joined(separator: "\t"))
}
