#if canImport(Glibc)
import Glibc
#endif

/// A spawned bootstrap process.
package struct ChildProcess: Sendable {
    package enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// As Lambda words it: `exit status 1`, `signal: killed`.
        package var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(SIGKILL): "signal: killed"
            case .signalled(let number): "signal: \(number)"
            }
        }
    }

    package let pid: pid_t

    /// Starts `executable` with exactly `environment`, in `workingDirectory`, with `posix_spawn`;
    /// through `launcher` (program and arguments, found on the host's `PATH`) when one is given.
    package static func spawn(
        executable: String, environment: [String: String], workingDirectory: String, launcher: [String] = []
    ) throws(SpawnError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let addChdir = Self.addChdir { _ = addChdir(&actions, workingDirectory) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling and an empty mask.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let program = launcher.first ?? executable
        let argv: [UnsafeMutablePointer<CChar>?] = (launcher + [executable]).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = launcher.isEmpty
            ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(executable: program, errno: result) }
        return ChildProcess(pid: pid)
    }

    /// Blocks until the process ends and reaps it.
    package func wait() -> ExitStatus {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(-1) }
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    package func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Peak resident memory (`VmHWM`) in kilobytes, while the process lives.
    package func peakMemoryKilobytes() -> Int? {
        let fd = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst(6).filter(\.isNumber))
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which the Glibc
    /// module does not export; looked up once so the child starts in its task root.
    private typealias AddChdir = @convention(c) (
        UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
    ) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()
}

/// `posix_spawn` failed (missing or non-executable bootstrap).
package struct SpawnError: Error, Equatable, Sendable {
    package var executable: String
    package var errno: Int32
}
