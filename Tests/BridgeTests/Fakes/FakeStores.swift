@testable import Bridge
import AgentInvocation
import AWSCore
import DataAccess
import FoundationEssentials
import Synchronization

/// In-memory tenant data for every tenant, keyed like the tables.
final class FakeData: Sendable {
    struct Tables {
        var tenants: [String: Tenant] = [:]
        var webhooks: [String: Webhook] = [:]
        var jobs: [String: Job] = [:]
        var invocations: [Invocation] = []
        var idempotency: [String: (IdempotencyRecord, String)] = [:]
        var agents: [AgentVersion] = []
        var locks: [String: OpsLock] = [:]
        var parameters: [String: String] = [:]
        var parameterWrites = 0
    }

    let tables = Mutex(Tables())

    func store(_ tenantID: TenantID) -> any TenantStore { FakeTenantStore(tenantID: tenantID, data: self) }
}

struct FakeTenantStore: TenantStore {
    let tenantID: TenantID
    let data: FakeData

    func tenant() async throws -> Tenant? { data.tables.withLock { $0.tenants[tenantID.rawValue] } }
    func webhook(_ id: WebhookID) async throws -> Webhook? {
        data.tables.withLock { $0.webhooks["\(tenantID.rawValue)/\(id.rawValue)"] }
    }
    func job(_ id: JobID) async throws -> Job? { data.tables.withLock { $0.jobs["\(tenantID.rawValue)/\(id.rawValue)"] } }
    func putJob(_ job: Job) async throws {
        data.tables.withLock { $0.jobs["\(tenantID.rawValue)/\(job.jobID.rawValue)"] = job }
    }
    func putInvocation(_ invocation: Invocation) async throws { data.tables.withLock { $0.invocations.append(invocation) } }
}

struct FakeRegistry: AgentRegistry {
    let data: FakeData
    func versions(of name: AgentName) async throws -> [AgentVersion] {
        data.tables.withLock { $0.agents.filter { $0.agentName == name } }
    }
    func allVersions() async throws -> [AgentVersion] { data.tables.withLock { $0.agents } }
}

struct FakeIdempotency: IdempotencyStore {
    let data: FakeData
    func claim(_ record: IdempotencyRecord, requestHash: String, now: Date) async throws -> IdempotencyClaim {
        data.tables.withLock { tables in
            let key = record.key.partitionKey
            if let (existing, hash) = tables.idempotency[key], existing.isLive(at: now) {
                return .existing(existing, requestHash: hash)
            }
            tables.idempotency[key] = (record, requestHash)
            return .claimed
        }
    }
    func complete(_ record: IdempotencyRecord, requestHash: String) async throws {
        data.tables.withLock { $0.idempotency[record.key.partitionKey] = (record, requestHash) }
    }
    func release(_ record: IdempotencyRecord) async throws {
        _ = data.tables.withLock { $0.idempotency.removeValue(forKey: record.key.partitionKey) }
    }
}

struct FakeParameters: ParameterStore {
    let data: FakeData
    func value(of name: String) async throws -> String? { data.tables.withLock { $0.parameters[name] } }
    func setValue(_ value: String, of name: String) async throws {
        data.tables.withLock { $0.parameters[name] = value; $0.parameterWrites += 1 }
    }
}

struct FakeLocks: FailoverLockStore {
    let data: FakeData
    func acquire(_ lock: OpsLock, now: Date) async throws -> Bool {
        data.tables.withLock { tables in
            if let held = tables.locks[lock.lockName.rawValue], held.expiresAt >= EpochSeconds(now) { return false }
            tables.locks[lock.lockName.rawValue] = lock
            return true
        }
    }
    func release(_ name: LockName, lockID: String) async throws {
        data.tables.withLock { tables in
            if tables.locks[name.rawValue]?.lockID == lockID { tables.locks[name.rawValue] = nil }
        }
    }
}

struct FakeCredentials: TenantCredentialSource {
    func credentials(for tenant: Tenant) async throws -> any CredentialProvider {
        StaticCredentialProvider(AWSCredentials(accessKeyID: "AKID-\(tenant.tenantID.rawValue)", secretAccessKey: "s",
                                                sessionToken: nil, expiration: nil))
    }
}

struct FakeResults: ResultLinker {
    func presignedURL(forKey key: String, tenant: TenantID) async throws -> String { "https://results.example/\(key)?X-Amz-Expires=3600" }
}

final class RecordingStarter: AsyncRunnerStarter, Sendable {
    let events = Mutex<[AsyncRunnerEvent]>([])
    func start(_ event: AsyncRunnerEvent) async throws { events.withLock { $0.append(event) } }
}

final class RecordingMetrics: BridgeMetrics, Sendable {
    let lines = Mutex<[[String: Double]]>([])
    func emit(_ metrics: [(name: String, value: Double, unit: String)], dimensions: [(String, String)]) {
        lines.withLock { $0.append(Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, $0.value) })) }
    }
}

final class RecordingSink: ResponseSink, Sendable {
    struct State { var status: Int?; var headers: [String: String] = [:]; var writes: [[UInt8]] = [] }
    let state = Mutex(State())
    func start(status: Int, headers: [String: String]) throws {
        state.withLock { $0.status = status; $0.headers = headers }
    }
    func write(_ bytes: [UInt8]) throws { state.withLock { $0.writes.append(bytes) } }
    var status: Int? { state.withLock { $0.status } }
    var headers: [String: String] { state.withLock { $0.headers } }
    var body: String { state.withLock { String(decoding: $0.writes.flatMap { $0 }, as: UTF8.self) } }
    var writeCount: Int { state.withLock { $0.writes.count } }
}
