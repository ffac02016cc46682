// Measures bootstraps through LambdaHost and its Invoke endpoint, side by side:
// cold start (spawn to first GET /next), warm invocations/s and p99, peak RSS.
//   runtime-bench --cold N --warm-seconds S --runs R --clients C name=path [name=path...]
//   runtime-bench --cold-only --cold N name=path ...   (shipped functions: start-up only)
//
// Warm throughput is a closed loop: the function has C slots (concurrency C)
// and C clients each keep one invocation in flight on its own keep-alive
// connection, so every slot is busy and nothing queues. Every counted
// invocation is a full round trip: Invoke request in -> the slot's GET /next
// answered -> the runtime's POST /response -> Invoke response out, checked for
// status 200, no function error and the handler's reply. The clients run in
// this process and share the machine's cores with the host and the bootstraps.
// After a warm-up with all C clients (every slot's process started and warm),
// R runs of S seconds each; throughput is completions over the measured
// elapsed time, reported as the median run; latencies pool all runs.
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
var runs = 3
var clients = 2
// Shipped functions need real events to do work; for them only start-up is measured.
var coldOnly = false
/// `--env KEY=VALUE`: configuration the shipped functions read at start-up.
var functionEnvironment: [String: String] = [:]
var bootstraps: [(String, String)] = []
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--cold": coldRuns = Int(arguments.removeFirst()) ?? coldRuns
    case "--warm-seconds": warmSeconds = Double(arguments.removeFirst()) ?? warmSeconds
    case "--runs": runs = max(1, Int(arguments.removeFirst()) ?? runs)
    case "--clients": clients = Int(arguments.removeFirst()) ?? clients
    case "--cold-only": coldOnly = true
    case "--env":
        let pair = arguments.removeFirst().split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2 else { fatalError("expected --env KEY=VALUE") }
        functionEnvironment[pair[0]] = pair[1]
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

/// One keep-alive connection to the Invoke endpoint, used by one thread.
final class InvokeClient {
    let socket: TCPSocket
    let reader: HTTPReader
    let request: [UInt8]

    init(port: Int, function: String, payload: [UInt8]) throws {
        socket = try TCPSocket.connect(host: "127.0.0.1", port: port)
        reader = HTTPReader(source: socket)
        request = Array("POST /2015-03-31/functions/\(function)/invocations HTTP/1.1\r\nHost: bench\r\nContent-Length: \(payload.count)\r\n\r\n".utf8) + payload
    }

    /// One invocation, round trip; fails the benchmark unless the handler answered.
    func invoke() throws {
        try socket.send(request)
        let head = try HTTPHeadParser.parseResponse(try reader.readHead(limit: 65_536)!)
        let length = Int(head.fields["Content-Length"] ?? "0") ?? 0
        let body = try HTTPBodyReader(reader: reader, framing: .length(length)).readAll(limit: 1 << 20)
        precondition(head.status == 200 && head.fields["X-Amz-Function-Error"] == nil, "invocation failed")
        precondition(String(decoding: body, as: UTF8.self).contains("hello bench"), "unexpected reply")
    }
}

/// `clients` connections each invoke in a closed loop for `seconds`; latencies in ms.
func measure(port: Int, function: String, clients: Int, seconds: Double) -> (latencies: [Double], elapsed: Double) {
    let results = ConditionLock<(latencies: [Double], done: Int, lastEnd: UInt64)>(([], 0, 0))
    let start = monotonicNanoseconds()
    let end = start + UInt64(seconds * 1e9)
    for _ in 0..<clients {
        DetachedThread.start {
            var latencies: [Double] = []
            latencies.reserveCapacity(200_000)
            var finished = monotonicNanoseconds()
            do {
                let connection = try InvokeClient(port: port, function: function, payload: payload)
                while finished < end {
                    let started = finished
                    try connection.invoke()
                    finished = monotonicNanoseconds()
                    latencies.append(Double(finished - started) / 1e6)
                }
            } catch {
                fatalError("client failed: \(error)")
            }
            results.withLock { $0.latencies += latencies; $0.done += 1; $0.lastEnd = max($0.lastEnd, finished) }
            results.broadcast()
        }
    }
    return results.wait { $0.done == clients ? ($0.latencies, Double($0.lastEnd - start) / 1e9) : nil }!
}

print("function\tcold_median_ms\tcold_p90_ms\twarm_inv_per_s\twarm_p50_ms\twarm_p99_ms\tpeak_rss_mb")
for (name, path) in bootstraps {
    let host = try LambdaHost(functions: [
        FunctionConfiguration(name: name, bootstrap: path, environment: functionEnvironment, timeout: 30, concurrency: clients),
    ], log: nil)
    let function = host.function(named: name)!

    // Cold: one invocation per fresh process, then recycle the environment.
    for _ in 0..<coldRuns {
        _ = try host.invoke(function: name, payload: payload)
        function.recycle()
    }
    let cold = function.initDurations
    if coldOnly {
        // Peak RSS of a live process after one invocation (recycled ones are gone).
        _ = try host.invoke(function: name, payload: payload)
        let peak = function.peakMemoryKilobytes.max() ?? 0
        host.stop()
        print([name, format(percentile(cold, 0.5)), format(percentile(cold, 0.9)), "-", "-", "-",
               format(Double(peak) / 1024, 1)].joined(separator: "\t"))
        continue
    }

    // Warm: C keep-alive clients through the Invoke endpoint, one invocation in flight each.
    let server = try HTTPServer(handler: InvokeEndpoint.router(host: host).handler)
    _ = measure(port: server.port, function: name, clients: clients, seconds: 0.5)  // warm-up: every slot started and warm
    var throughputs: [Double] = []
    var latencies: [Double] = []
    for _ in 0..<runs {
        let run = measure(port: server.port, function: name, clients: clients, seconds: warmSeconds)
        throughputs.append(Double(run.latencies.count) / run.elapsed)
        latencies += run.latencies
    }
    let peak = function.peakMemoryKilobytes.max() ?? 0
    server.stop()
    host.stop()
    print([
        name, format(percentile(cold, 0.5)), format(percentile(cold, 0.9)),
        format(percentile(throughputs, 0.5), 0), format(percentile(latencies, 0.5), 3),
        format(percentile(latencies, 0.99), 3), format(Double(peak) / 1024, 1),
    ].joined(separator: "\t"))
}
