import Foundation
import PlatformTestSupport

/// The dev bootstrap's own seed (scripts/dev_bootstrap.py: tenants with API keys
/// and execution roles, agents, tools, local secrets), run against the moto of this
/// test run, whose tables, bucket and parameters scripts/test.sh deployed from the
/// local stack's templates. Idempotent and identical to what `make dev` and the other
/// stack tests seed, so suites sharing one moto see the same rows.
struct Seed {
    let aws: LocalAWS

    static let tenants: [(id: String, tier: String)] = [("acme-basic", "basic"), ("globex-premium", "premium")]

    static let script = """
        import sys
        sys.path.insert(0, "scripts")
        import dev_bootstrap as b
        b.require_local_stack()
        ddb, sm, ssm, iam = (b.client(n) for n in ("dynamodb", "secretsmanager", "ssm", "iam"))
        for tenant in b.TENANTS:
            b.seed_tenant(ddb, sm, ssm, iam, tenant)
        b.seed_agents(ddb)
        b.seed_tools(ddb)
        b.seed_secrets(sm)
        """

    func run() throws {
        let process = Process()
        process.executableURL = LocalRuntime.repository.appendingPathComponent(".venv/bin/python")
        process.arguments = ["-c", Self.script]
        process.currentDirectoryURL = LocalRuntime.repository
        process.environment = ProcessInfo.processInfo.environment.merging(aws.environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let detail = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PlatformStack.StackError("dev bootstrap seed failed: \(String(decoding: detail.suffix(2000), as: UTF8.self))")
        }
    }

    /// Runs `body` to completion from synchronous set-up code.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, any Error>?
        Task {
            do { result = .success(try await body()) } catch { result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try result!.get()
    }
}
