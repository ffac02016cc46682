import AWSCore
import DataAccess
import Foundation
import LambdaEvents
import PlatformAPI
import Synchronization
import Testing
@testable import TenantAPI

/// The tenant API over fakes, with a fixed clock and deterministic ids.
struct TestHarness {
    /// 2026-11-25T12:34:56.789Z
    static let now = Date(timeIntervalSince1970: 1_795_610_096.789)

    let tables = InMemoryTables()
    let events: RecordingEvents
    let secrets = FakeSecrets()
    let memory: FakeMemory
    let parameters: FakeParameters
    let objects = FakeObjects()
    let api: TenantAPI
    let configuration: TenantAPIConfiguration

    init(environment: [String: String] = ["PLATFORM_ENV": "local"], memoryFailing: Bool = false, eventsFailing: Bool = false,
         parameters: FakeParameters = FakeParameters([
             "/platform/config/runtime-region": "eu-west-1", "/platform/config/fallback-region": "eu-central-1"]),
         quotas: FakeQuotas = FakeQuotas(sessions: [:], limits: [:])) {
        events = RecordingEvents(failing: eventsFailing)
        memory = FakeMemory(failing: memoryFailing)
        self.parameters = parameters
        configuration = TenantAPIConfiguration(environment: environment)
        let tables = self.tables
        let counter = Counter()
        let randomCalls = Counter()
        let dependencies = TenantAPIDependencies(
            configuration: configuration,
            stores: StoreProvider(tenantScoped: { InMemoryRecordStore(tables: tables, scope: $0) },
                                  controlPlane: InMemoryRecordStore(tables: tables, scope: nil)),
            events: events, secrets: secrets, memory: memory, parameters: parameters, objects: objects, quotas: quotas,
            now: { Self.now }, newID: { counter.nextUUID() }, randomBytes: { count in
                // Distinct, reproducible bytes per call: call n gives n, n+1, ...
                let seed = randomCalls.value.withLock { $0 += 1; return $0 }
                return (0..<count).map { UInt8(truncatingIfNeeded: seed + $0) }
            })
        api = TenantAPI(dependencies: dependencies)
    }

    var controlPlane: InMemoryRecordStore { InMemoryRecordStore(tables: tables, scope: nil) }

    // MARK: Requests

    func call(
        _ method: String, _ resource: String, path: [String: String] = [:], query: [String: String]? = nil,
        body: String? = nil, as caller: TestCaller?
    ) async -> Response {
        var concrete = resource
        for (name, value) in path { concrete = concrete.replacing("{\(name)}", with: value) }
        let request = APIGatewayProxyRequest(
            resource: resource, path: concrete, httpMethod: method, headers: ["Content-Type": "application/json"],
            multiValueHeaders: nil, queryStringParameters: query, multiValueQueryStringParameters: nil,
            pathParameters: path.isEmpty ? nil : path,
            requestContext: .init(accountId: "123456789012", apiId: "local", stage: "v1", requestId: "req-test",
                                  resourcePath: resource, path: concrete, httpMethod: method, requestTimeEpoch: 0,
                                  identity: .init(), authorizer: caller?.context),
            body: body, isBase64Encoded: false)
        return Response(raw: await api.handle(caller?.roles.contains("Machine.Invoke") == true ? Self.signed(request) : request))
    }

    /// The request as the gateway hands over a SigV4 caller's: the signed
    /// headers present and the authoriser context carrying what was signed.
    static func signed(_ request: APIGatewayProxyRequest) -> APIGatewayProxyRequest {
        var request = request
        let tenant = request.requestContext.authorizer?["tenantId"] ?? ""
        request.headers?["x-amz-date"] = "19700101T000000Z"
        request.headers?["x-tenant-id"] = tenant
        let binding = RequestBinding(
            method: request.httpMethod, path: request.requestContext.path,
            query: RequestBinding.canonicalQuery(nil, single: request.queryStringParameters), amzDate: "19700101T000000Z",
            tenantID: tenant, payloadHash: SHA256.hexDigest(of: Array((request.body ?? "").utf8))
        )
        request.requestContext.authorizer?.merge(binding.context) { $1 }
        return request
    }

    struct Response {
        let raw: APIGatewayProxyResponse
        var status: Int { raw.statusCode }
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data((raw.body ?? "").utf8))) as? [String: Any] ?? [:]
        }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var detailFields: [String] {
            ((json["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        }
        var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    }

    // MARK: Seeding

    @discardableResult
    func seedTenant(_ id: String, tier: String = "standard", status: TenantStatus = .active, budget: Double = 500) async throws -> Tenant {
        var tenant = Tenant(try TenantRegistration(
            tenantId: id == "platform" ? "placeholder" : id, appId: "\(id)-app", displayName: "Tenant \(id)", tier: tier,
            ownerEmail: "owner@\(id).example", ownerTeam: "team", accountId: "123456789012", monthlyBudgetUsd: budget
        ).validated(), now: Self.now.addingTimeInterval(-86_400))
        tenant.tenantID = try TenantID(validating: id)
        tenant.status = status
        try await controlPlane.put(tenant, table: configuration.tables.tenants, guard: .none)
        return tenant
    }

    func tenant(_ id: String) async throws -> Tenant? {
        try await controlPlane.get(Tenant.self, table: configuration.tables.tenants, key: .tenantMetadata(try TenantID(validating: id)))
    }

    func audits() async throws -> [AuditRecord] {
        try await controlPlane.queryAll(AuditRecord.self, table: configuration.tables.tenants,
                                        partition: "TENANT#platform", sortKey: .beginsWith("AUDIT#"))
    }
}

/// Sequential UUIDs, so ids in tests are predictable and unique.
final class Counter: Sendable {
    let value = Synchronization.Mutex<Int>(0)
    func nextUUID() -> UUID {
        let next = value.withLock { $0 += 1; return $0 }
        return UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", next))!
    }
}



/// The authoriser contexts of the five kinds of caller.
struct TestCaller {
    var tenant: String
    var roles: [String]
    var tier = "standard"
    var sub = "user"

    static func user(_ tenant: String) -> TestCaller { TestCaller(tenant: tenant, roles: [], sub: "user@\(tenant)") }
    static func tenantAdmin(_ tenant: String) -> TestCaller {
        TestCaller(tenant: tenant, roles: ["SelfService.Admin"], sub: "admin@\(tenant)")
    }
    static func machine(_ tenant: String) -> TestCaller {
        TestCaller(tenant: tenant, roles: ["Machine.Invoke"], sub: "apikey:\(tenant)")
    }
    static let platformOperator = TestCaller(tenant: "platform", roles: ["Platform.Operator"], tier: "premium", sub: "operator@platform")
    static let platformAdmin = TestCaller(tenant: "platform", roles: ["Platform.Admin"], tier: "premium", sub: "admin@platform")

    var context: [String: String] {
        let rolesJSON = String(decoding: try! JSONEncoder().encode(roles), as: UTF8.self)
        return ["tenantId": tenant, "appId": "\(tenant)-app", "tier": tier, "sub": sub, "roles": rolesJSON, "principalId": sub]
    }
}
