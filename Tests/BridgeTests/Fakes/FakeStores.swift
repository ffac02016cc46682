@testable import Bridge
import AgentInvocation
import AWSCore
@testable import DataAccess
import FoundationEssentials
import Synchronization

/// In-memory tenant data for every tenant, keyed like the tables.
final class FakeData: Sendable {
    struct Tables {
        var tenants: [String: Tenant] = [:]
        var webhooks: [String: Webhook] = [:]
        var jobs: [String: Job] = [:]
        var invocations: [Invocation] = []
        var idempotency: [String: IdempotencyRecord] = [:]
        var sessions: [String: Session] = [:]
        /// When set, session writes fail (DynamoDB unavailable).
        var sessionWritesFail = false
        var agents: [AgentVersion] = []
        var locks: [String: OpsLock] = [:]
        var parameters: [String: String] = [:]
        var parameterWrites = 0
        var parameterReads = 0
        /// When set, parameter reads fail (SSM throttling).
        var parameterReadsFail = false
    }

    let tables = Mutex(Tables())

    struct Unavailable: Error {}
    /// What the tenant-scoped client throws (as `TenantAccessViolation`) for another tenant's key.
    struct CrossTenant: Error { var key: String }

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
    func session(_ id: SessionID) async throws -> Session? {
        data.tables.withLock { $0.sessions["\(tenantID.rawValue)/\(id.rawValue)"] }
    }
    /// The real store's condition: absent for a new session, else the same owner and runtime id.
    func putSession(_ session: Session, replacing existing: Session?) async throws {
        precondition(session.tenantID == tenantID, "a tenant store writes only its own tenant's sessions")
        try data.tables.withLock { tables in
            if tables.sessionWritesFail { throw FakeData.Unavailable() }
            let key = "\(tenantID.rawValue)/\(session.sessionID.rawValue)"
            let stored = tables.sessions[key]
            let holds = switch (existing, stored) {
            case (nil, nil): true
            case (let existing?, let stored?): existing.subject == stored.subject && existing.agentName == stored.agentName
                && existing.runtimeSessionID == stored.runtimeSessionID
            default: false
            }
            guard holds else { throw ConditionalWriteConflict(table: "platform-sessions", operation: "PutItem") }
            tables.sessions[key] = session
        }
    }
}

struct FakeRegistry: AgentRegistry {
    let data: FakeData
    func versions(of name: AgentName) async throws -> [AgentVersion] {
        data.tables.withLock { $0.agents.filter { $0.agentName == name } }
    }
    func allVersions() async throws -> [AgentVersion] { data.tables.withLock { $0.agents } }
}

/// One tenant's idempotency rows; like the tenant-scoped client it refuses a
/// record of another tenant's partition.
struct FakeIdempotency: IdempotencyStore {
    let tenantID: TenantID
    let data: FakeData

    private func check(_ record: IdempotencyRecord) throws {
        guard record.key.partitionKey.hasPrefix("IDEMPOTENCY#\(tenantID.rawValue)#") else {
            throw FakeData.CrossTenant(key: record.key.partitionKey)
        }
    }
    func claim(_ record: IdempotencyRecord, now: Date) async throws -> IdempotencyClaim {
        try check(record)
        return data.tables.withLock { tables in
            let key = record.key.partitionKey
            if let existing = tables.idempotency[key], existing.isLive(at: now) { return .existing(existing) }
            tables.idempotency[key] = record
            return .claimed
        }
    }
    func complete(_ record: IdempotencyRecord) async throws {
        try check(record)
        data.tables.withLock { $0.idempotency[record.key.partitionKey] = record }
    }
    func release(_ record: IdempotencyRecord) async throws {
        try check(record)
        _ = data.tables.withLock { $0.idempotency.removeValue(forKey: record.key.partitionKey) }
    }
}

/// A fixed 32-byte key, or a failing key source.
struct FakeSessionKey: SessionKeySource {
    static let bytes = Array("0123456789abcdef0123456789abcdef".utf8)
    var failing = false
    func key() async throws -> [UInt8] {
        if failing { throw FakeData.Unavailable() }
        return Self.bytes
    }
}

struct FakeParameters: ParameterStore {
    let data: FakeData
    func value(of name: String) async throws -> String? {
        try data.tables.withLock { tables in
            tables.parameterReads += 1
            if tables.parameterReadsFail {
                throw AWSError(service: "SSM", code: "ThrottlingException", message: "Rate exceeded", status: 400)
            }
            return tables.parameters[name]
        }
    }
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
