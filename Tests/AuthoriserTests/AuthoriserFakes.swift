import AWSCore
import AuthoriserCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import Synchronization

/// Tenants, keys and secrets in memory, with read counts and an outage switch.
final class FakeDirectory: AuthoriserDirectory {
    struct State {
        var tenants: [String: TenantStanding] = [:]
        var keys: [String: APIKeyStanding] = [:]
        var secrets: [String: APIKeySecret] = [:]
        var reads = 0
        var down = false
    }

    let state = Mutex(State())

    static func standard() -> FakeDirectory {
        let directory = FakeDirectory()
        directory.add(tenant: "acme-basic", tier: .basic, keyID: "APKACME", secret: "acme-secret")
        directory.add(tenant: "globex-premium", tier: .premium, keyID: "APKGLOBEX", secret: "globex-secret")
        directory.add(tenant: "platform", tier: .premium, keyID: "APKPLATFORM", secret: "platform-secret")
        return directory
    }

    func add(tenant: String, tier: Tier, keyID: String, secret: String, status: TenantStatus = .active) {
        let tenantID = try! TenantID(validating: tenant)
        let key = try! APIKeyID(validating: keyID)
        state.withLock {
            $0.tenants[tenant] = TenantStanding(tenantID: tenantID, appID: "\(tenant)-app", tier: tier, status: status, apiKeyID: key)
            $0.keys["\(tenant)#\(keyID)"] = APIKeyStanding(keyID: key, tenantID: tenantID, status: .active)
            $0.secrets[tenant] = APIKeySecret(keyID: keyID, secret: secret)
        }
    }

    func setStatus(_ status: TenantStatus, of tenant: String) { state.withLock { $0.tenants[tenant]?.status = status } }
    var reads: Int { state.withLock { $0.reads } }

    private func read<T>(_ body: (inout State) -> T?) throws(AuthorisationFailure) -> T? {
        let (value, down): (T?, Bool) = state.withLock { state in
            state.reads += 1
            return (body(&state), state.down)
        }
        if down { throw .dependencyUnavailable("tenants") }
        return value
    }

    func tenant(_ tenantID: TenantID) async throws(AuthorisationFailure) -> TenantStanding? {
        try read { $0.tenants[tenantID.rawValue] }
    }

    func apiKey(_ keyID: APIKeyID, of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeyStanding? {
        try read { $0.keys["\(tenantID.rawValue)#\(keyID.rawValue)"] }
    }

    func apiKeySecret(of tenantID: TenantID) async throws(AuthorisationFailure) -> APIKeySecret? {
        try read { $0.secrets[tenantID.rawValue] }
    }
}

/// Tokens are looked up by value; anything else fails with `expired`.
struct FakeTokens: BearerTokenVerifier {
    var tokens: [String: VerifiedToken]

    func verify(bearer token: String) async throws(AuthorisationFailure) -> VerifiedToken {
        guard let verified = tokens[token] else { throw .token("expired") }
        return verified
    }

    static let standard = FakeTokens(tokens: [
        "basic-user": VerifiedToken(tenantID: "acme-basic", appID: "acme-app", subject: "user@acme", roles: []),
        "acme-admin": VerifiedToken(tenantID: "acme-basic", appID: "acme-app", subject: "admin@acme", roles: ["Platform.Admin"]),
        "platform-admin": VerifiedToken(tenantID: "platform", appID: "ops", subject: "admin@platform", roles: ["Platform.Operator"]),
        "platform-user": VerifiedToken(tenantID: "platform", appID: "ops", subject: "viewer@platform", roles: ["Reader"]),
        "bad-tenant": VerifiedToken(tenantID: "ACME", appID: "x", subject: "s", roles: []),
        "ghost-tenant": VerifiedToken(tenantID: "ghost-co", appID: "x", subject: "s", roles: []),
    ])
}

final class TestClock: Sendable {
    private let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { value.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var sink: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
}

enum Events {
    static let apiRoot = "arn:aws:execute-api:eu-west-2:123456789012:api1/local"

    static func request(
        _ method: String = "GET", _ path: String = "/v1/agents", headers: [String: String], query: [String: String]? = nil
    ) -> APIGatewayAuthorizerRequest {
        APIGatewayAuthorizerRequest(
            methodArn: "\(apiRoot)/\(method)\(path)", resource: path, path: path, httpMethod: method, headers: headers,
            queryStringParameters: query, pathParameters: nil,
            requestContext: .init(
                accountId: "123456789012", apiId: "api1", stage: "local", requestId: "r1", resourcePath: path,
                path: path, httpMethod: method, requestTimeEpoch: 1_800_000_000_000, identity: .init(sourceIp: "10.0.0.1"), authorizer: nil
            )
        )
    }

    static func bearer(_ token: String, _ method: String = "GET", _ path: String = "/v1/agents") -> APIGatewayAuthorizerRequest {
        request(method, path, headers: ["Authorization": "Bearer \(token)"])
    }

    /// A request signed the way a client's SDK signs it, as API Gateway hands it to the authoriser.
    static func signed(
        keyID: String, secret: String, tenant: String?, method: String = "GET", path: String = "/v1/agents",
        query: [String: String]? = nil, date: Date, signTenant: Bool = true
    ) -> APIGatewayAuthorizerRequest {
        var headers = HTTPHeaders([("Host", "api1.execute-api.eu-west-2.amazonaws.com")])
        if let tenant, signTenant { headers.add("x-tenant-id", tenant) }
        let rawQuery = (query ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        var http = HTTPRequest(method: method, authority: "api1.execute-api.eu-west-2.amazonaws.com", path: path, query: rawQuery, headers: headers)
        SigV4Signer(credentials: AWSCredentials(accessKeyID: keyID, secretAccessKey: secret), region: "eu-west-2", service: "execute-api")
            .sign(&http, date: date)
        if let tenant, !signTenant { http.headers.add("x-tenant-id", tenant) }
        var map: [String: String] = [:]
        for field in http.headers { map[field.name] = field.value }
        return request(method, path, headers: map, query: query)
    }
}
