import DataAccess
import Foundation
import Synchronization
@testable import TenantAPI

final class RecordingEvents: EventPublishing {
    let published = Mutex<[PlatformEvent]>([])
    let failing: Bool
    init(failing: Bool = false) { self.failing = failing }
    func publish(_ events: [PlatformEvent]) async throws {
        struct Refused: Error {}
        if failing { throw Refused() }
        published.withLock { $0 += events }
    }
    var all: [PlatformEvent] { published.withLock { $0 } }
}

final class FakeSecrets: SecretStoring {
    let values = Mutex<[String: String]>([:])
    func storeSecret(name: String, value: String) async throws -> String {
        values.withLock { $0[name] = value }
        return "arn:aws:secretsmanager:eu-west-2:123456789012:secret:\(name)-AbCdEf"
    }
    func value(_ name: String) -> String? { values.withLock { $0[name] } }
}

final class FakeMemory: MemoryProvisioning {
    struct Down: Error {}
    let names = Mutex<[String]>([])
    let failing: Bool
    init(failing: Bool = false) { self.failing = failing }
    func createMemoryStore(name: String, description: String) async throws -> String {
        if failing { throw Down() }
        names.withLock { $0.append(name) }
        return "arn:aws:bedrock-agentcore:eu-west-2:123456789012:memory/\(name)-Xy12"
    }
}

final class FakeParameters: ParameterStoring {
    struct Down: Error {}
    let values: Mutex<[String: String]>
    let failing: Bool
    init(_ values: [String: String] = [:], failing: Bool = false) {
        self.values = Mutex(values)
        self.failing = failing
    }
    func parameter(_ name: String) async throws -> String? {
        if failing { throw Down() }
        return values.withLock { $0[name] }
    }
    func putParameter(_ name: String, value: String) async throws { values.withLock { $0[name] = value } }
    func value(_ name: String) -> String? { values.withLock { $0[name] } }
}

final class FakeObjects: ObjectStoring {
    let objects = Mutex<[String: Data]>([:])
    func putObject(tenant: TenantID, key: String, body: Data, contentType: String) async throws {
        precondition(key.hasPrefix("tenants/\(tenant.rawValue)/"))
        objects.withLock { $0[key] = body }
    }
    func presignedGetURL(tenant: TenantID, key: String, expiresIn seconds: Int) async throws -> String {
        "https://bucket.example/\(key)?X-Amz-Expires=\(seconds)"
    }
    var all: [String: Data] { objects.withLock { $0 } }
}

struct FakeQuotas: QuotaReading {
    var sessions: [String: Double]
    var limits: [String: Double]
    struct Missing: Error {}
    func currentSessions(region: String) async throws -> Double {
        guard let value = sessions[region] else { throw Missing() }
        return value
    }
    func sessionLimit(region: String) async throws -> Double {
        guard let value = limits[region] else { throw QuotaUnavailable(reason: "no quota for \(region)") }
        return value
    }
}
