import AWSCore
@testable import DataAccess
import Foundation
import PlatformTestSupport
import Synchronization
import Testing

/// Collects reported violations so tests can assert each refusal was counted.
final class RecordingReporter: AccessViolationReporter {
    private let recorded = Mutex<[TenantAccessViolation]>([])
    var violations: [TenantAccessViolation] { recorded.withLock { $0 } }
    func report(_ violation: TenantAccessViolation) { recorded.withLock { $0.append(violation) } }
}

/// A fresh table and clients for caller `acme` against moto, with another
/// tenant `acme-evil` whose id contains the caller's as a substring.
struct IsolationFixture {
    let acme = try! TenantID(validating: "acme")
    let evil = try! TenantID(validating: "acme-evil")
    let table: String
    let dynamoDB: DynamoDBClient
    let reporter = RecordingReporter()
    let scoped: TenantScopedDynamoDB
    let controlPlane: ControlPlaneDynamoDB
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() async throws {
        let aws = try LocalAWS()
        dynamoDB = DynamoDBClient(client: try aws.client(.dynamoDB))
        table = LocalAWS.unique("platform-sessions")
        _ = try await dynamoDB.createTable(.init(tableName: table, partitionKey: .init("PK"), sortKey: .init("SK")))
        scoped = TenantScopedDynamoDB(tenant: acme, dynamoDB: dynamoDB, reporter: reporter)
        controlPlane = ControlPlaneDynamoDB(dynamoDB: dynamoDB)
    }

    func session(_ tenant: TenantID, _ id: String) -> Session {
        Session(sessionID: try! SessionID(validating: id), tenantID: tenant, subject: "user",
                agentName: try! AgentName(validating: "echo-agent"), runtimeSessionID: "rt-\(id)", now: now)
    }

    /// Asserts `body` throws a violation naming `target`, and that it was reported once more than before.
    func expectRefused(_ operation: String, target: String, _ body: () async throws -> Void) async {
        let before = reporter.violations.count
        let thrown = await #expect(throws: TenantAccessViolation.self) { try await body() }
        #expect(thrown?.operation == operation)
        #expect(thrown?.targetTenant == target)
        #expect(thrown?.callerTenant == acme)
        #expect(reporter.violations.count == before + 1)
        #expect(reporter.violations.last == thrown)
    }
}
