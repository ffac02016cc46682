import Foundation

/// One agent process per runtime ARN (region included), started on first use:
/// from the runtime's deployed objects when the data plane has a control plane
/// (the local stack), else from `agents/` (the data plane's own tests).
final class AgentProcessPool: @unchecked Sendable {
    // @unchecked: every mutable field below is guarded by `lock`.
    private let configuration: LocalAgentCoreConfiguration
    private let installer: RuntimeInstaller?
    private let lock = NSLock()
    private var processes: [String: AgentProcess] = [:]
    private var starting: [String: NSLock] = [:]

    init(configuration: LocalAgentCoreConfiguration) {
        self.configuration = configuration
        installer = configuration.deployments.map {
            RuntimeInstaller(root: $0.stateDirectory, python: configuration.python, source: $0.source)
        }
    }

    /// The running agent for `target`, started (and health-checked) if needed.
    func agent(for target: InvocationTarget) throws -> AgentProcess {
        let startLock: NSLock = lock.withLock {
            if let lock = starting[target.runtimeARN] { return lock }
            let lock = NSLock()
            starting[target.runtimeARN] = lock
            return lock
        }
        // One start per runtime at a time; other runtimes are not held up.
        return try startLock.withLock {
            if let running = lock.withLock({ processes[target.runtimeARN] }), running.isRunning { return running }
            let log = configuration.agentLogDirectory.map {
                $0.appendingPathComponent("agent-\(target.region)-\(target.runtimeID).log")
            }
            let agent: AgentProcess
            if let installer {
                // The deployed code, never the working tree: what was pushed is what answers.
                guard let runtime = try installer.source.runtime(id: target.runtimeID, region: target.region) else {
                    throw LocalAgentCoreError.noAgent(target.runtimeID)
                }
                let installed = try installer.install(runtime)
                agent = try AgentProcess.start(directory: installed.code, python: configuration.python,
                                               timeout: configuration.agentStartTimeout, log: log,
                                               entryPoint: runtime.entryPoint, layer: installed.layer,
                                               environment: runtime.environment)
            } else {
                agent = try AgentProcess.start(directory: try self.directory(for: target), python: configuration.python,
                                               timeout: configuration.agentStartTimeout, log: log)
            }
            lock.withLock { processes[target.runtimeARN] = agent }
            return agent
        }
    }

    /// Runtimes whose agent reports `HealthyBusy` (async work keeps sessions alive).
    func busyRuntimes() -> Set<String> {
        let running = lock.withLock { processes }
        return Set(running.filter { (try? $0.value.ping()) == "HealthyBusy" }.keys)
    }

    /// Stops the agents of runtimes not in `keep`.
    func stopIdle(keep: Set<String>) {
        let idle: [AgentProcess] = lock.withLock {
            let idle = processes.filter { !keep.contains($0.key) }
            for key in idle.keys { processes[key] = nil }
            return Array(idle.values)
        }
        for agent in idle { agent.stop() }
    }

    func stopAll() { stopIdle(keep: []) }

    private func directory(for target: InvocationTarget) throws -> URL {
        for name in target.agentDirectoryCandidates {
            let directory = configuration.agentsDirectory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("agent.py").path) { return directory }
        }
        throw LocalAgentCoreError.noAgent(target.runtimeID)
    }
}
