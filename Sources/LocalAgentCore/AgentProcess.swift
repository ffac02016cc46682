import Foundation
import HTTPWire

/// One running agent (its entry point, `agent.py` by default) on a loopback port.
final class AgentProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched under AgentProcessPool's lock and in `stop`.
    let port: Int
    let directory: URL
    private let process: Process
    /// The agent's stdin: it exits when this closes, so agents never outlive this process.
    private let lifeline: Pipe

    private init(port: Int, directory: URL, process: Process, lifeline: Pipe) {
        self.port = port
        self.directory = directory
        self.process = process
        self.lifeline = lifeline
    }

    /// Runs the entry point (argv[1]) as `__main__` after two fixes for a child of
    /// this process: signals blocked here (the local platform blocks SIGTERM for
    /// `sigwait`) are unblocked, and end of stdin (this process gone) ends the agent.
    static let launcher = """
        import os, signal, sys, threading, runpy
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
        threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()
        entry = sys.argv[1]
        sys.argv = [entry]
        sys.path.insert(0, os.path.dirname(os.path.abspath(entry)))
        runpy.run_path(entry, run_name="__main__")
        """

    var isRunning: Bool { process.isRunning }

    /// Starts the agent and waits until `/ping` answers 200.
    /// `layer` goes on `PYTHONPATH` (a deployed runtime's dependencies); `environment`
    /// is the runtime's own (host and port are always this data plane's).
    static func start(directory: URL, python: URL, timeout: TimeInterval, log: URL?, entryPoint: String = "agent.py",
                      layer: URL? = nil, environment runtimeEnvironment: [String: String] = [:]) throws -> AgentProcess {
        let port = try freePort()
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", launcher, entryPoint]
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.merging(runtimeEnvironment) { $1 }
        if let layer {
            environment["PYTHONPATH"] = [layer.path, environment["PYTHONPATH"]].compactMap { $0 }.joined(separator: ":")
        }
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["AGENT_HOST"] = "127.0.0.1"
        environment["AGENT_PORT"] = String(port)
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        if let log {
            try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let agent = AgentProcess(port: port, directory: directory, process: process, lifeline: lifeline)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else { throw LocalAgentCoreError.agentExited(directory.lastPathComponent) }
            if (try? agent.ping()) != nil { return agent }
            Thread.sleep(forTimeInterval: 0.05)
        }
        agent.stop()
        throw LocalAgentCoreError.agentDidNotStart(directory.lastPathComponent)
    }

    /// `GET /ping`: the agent's status (`Healthy` or `HealthyBusy`).
    func ping() throws -> String {
        let socket = try TCPSocket.connect(host: "127.0.0.1", port: port)
        defer { socket.close() }
        try socket.send(HTTPSerializer.request(HTTPRequestHead(
            method: "GET", target: "/ping", fields: ["Host": "127.0.0.1:\(port)", "Connection": "close"])))
        let reader = HTTPReader(source: socket)
        guard let headBytes = try reader.readHead(limit: 16 * 1024) else { throw HTTPWireError.connectionClosed }
        let head = try HTTPHeadParser.parseResponse(headBytes)
        let body = try HTTPBodyReader(reader: reader, framing: HTTPBodyReader.framing(of: head.fields)).readAll(limit: 64 * 1024)
        guard head.status == 200 else { throw LocalAgentCoreError.agentUnhealthy(directory.lastPathComponent) }
        struct Ping: Decodable { var status: String }
        return (try? JSONDecoder().decode(Ping.self, from: Data(body)).status) ?? "Healthy"
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    private static func freePort() throws -> Int {
        let (socket, port) = try TCPSocket.listen(host: "127.0.0.1", port: 0)
        socket.close()
        return port
    }
}
