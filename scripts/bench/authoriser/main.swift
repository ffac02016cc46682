// Authoriser decisions per second, in-process, warm caches: the JWT path
// (RS256 through AuthoriserHandler, the production EntraBearerTokenVerifier and
// EntraTokenValidator, its JWKS served once from memory) and the SigV4 path.
// Every decision verifies its token's RSA signature: nothing caches a verified
// token. Writes the same tokens and the public JWK for the PyJWT peer.
// Prints `name rate-per-wall-second rate-per-CPU-second` per measurement.
// Usage: authoriser-bench OUT.json SECONDS
import AWSCore
import AuthoriserCore
import DataAccess
import EntraAuth
import FoundationEssentials
import Glibc
import JWT
import LambdaEvents
import PlatformJSON
import Synchronization

let arguments = CommandLine.arguments
let output = arguments.count > 1 ? arguments[1] : "/tmp/authoriser-bench.json"
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 2 : 2
let issuer = "https://login.microsoftonline.com/bench/v2.0"
let audience = "api://agent-platform"
let now = Date()

let key = try RSAKey.generate()
let jwk = JWK(publicKeyOf: key, kid: "bench-key")
let tokens = try (0..<1000).map { index in
    try JWTSigner.signRS256(JWTClaims([
        "iss": .string(issuer), "aud": .string(audience), "exp": JSONValue(now.timeIntervalSince1970 + 3600),
        "nbf": JSONValue(now.timeIntervalSince1970 - 10), "tenantid": .string("acme-basic"), "appid": .string("acme-app"),
        "sub": .string("user-\(index)"), "roles": .array([]),
    ]), key: key, kid: "bench-key")
}
struct Peer: Encodable { var tokens: [String]; var jwk: JWK; var issuer: String; var audience: String }
let jwksDocument = try JSONEncoder().encode(["keys": [jwk]])
try JSONEncoder().encode(Peer(tokens: tokens, jwk: jwk, issuer: issuer, audience: audience)).write(to: URL(fileURLWithPath: output))

/// The issuer's JWKS endpoint, in memory; counts fetches to show the key cache stays warm.
final class JWKSEndpoint: HTTPTransport {
    let fetches = Mutex(0)
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        fetches.withLock { $0 += 1 }
        return HTTPResponse(status: 200, body: jwksDocument)
    }
    func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        fatalError("the key set is fetched whole")
    }
}
let endpoint = JWKSEndpoint()
let entra = try EntraTokenValidator(
    configuration: EntraConfiguration(issuer: issuer, audience: audience, jwksURL: "https://login.microsoftonline.com/bench/discovery/v2.0/keys"),
    transport: endpoint
)

/// One tenant and its key, in memory (the caches are warm after the first call anyway).
struct BenchDirectory: AuthoriserDirectory {
    let tenantID = try! TenantID(validating: "acme-basic")
    let keyID = try! APIKeyID(validating: "APKBENCH")
    func tenant(_ id: TenantID) async throws(AuthorisationFailure) -> TenantStanding? {
        TenantStanding(tenantID: tenantID, appID: "acme-app", tier: .basic, status: .active, apiKeyID: keyID)
    }
    func apiKey(_ id: APIKeyID, of tenant: TenantID) async throws(AuthorisationFailure) -> APIKeyStanding? {
        APIKeyStanding(keyID: keyID, tenantID: tenantID, status: .active)
    }
    func apiKeySecret(of tenant: TenantID) async throws(AuthorisationFailure) -> APIKeySecret? {
        APIKeySecret(keyID: "APKBENCH", secret: "bench-secret")
    }
}

let handler = AuthoriserHandler(tokens: EntraBearerTokenVerifier(validator: entra), directory: BenchDirectory(), region: "eu-west-2")
let arn = "arn:aws:execute-api:eu-west-2:123456789012:api1/prod/GET/v1/agents"
func event(_ headers: [String: String]) -> APIGatewayAuthorizerRequest {
    APIGatewayAuthorizerRequest(
        methodArn: arn, resource: "/v1/agents", path: "/v1/agents", httpMethod: "GET", headers: headers,
        queryStringParameters: nil, pathParameters: nil,
        requestContext: .init(accountId: "123456789012", apiId: "api1", stage: "prod", requestId: "r", resourcePath: "/v1/agents",
                              path: "/v1/agents", httpMethod: "GET", requestTimeEpoch: 0, identity: .init(), authorizer: nil)
    )
}
let jwtEvents = tokens.map { event(["Authorization": "Bearer \($0)"]) }
let signer = SigV4Signer(credentials: AWSCredentials(accessKeyID: "APKBENCH", secretAccessKey: "bench-secret"), region: "eu-west-2", service: "execute-api")
let sigv4Events = (0..<1000).map { index -> APIGatewayAuthorizerRequest in
    var request = HTTPRequest(method: "GET", authority: "api1.execute-api.eu-west-2.amazonaws.com", path: "/v1/agents",
                              headers: HTTPHeaders([("x-tenant-id", "acme-basic"), ("x-request", String(index))]))
    signer.sign(&request, date: now)
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name] = field.value }
    return event(headers)
}

/// Rates over wall-clock time and over the process's CPU time: on a shared
/// machine the second is what the code costs, whatever else is running.
struct Stopwatch {
    let wall = ContinuousClock.now
    let cpu = Stopwatch.cpuSeconds()

    var elapsed: Duration { ContinuousClock.now - wall }

    func rates(_ count: Int) -> (wall: Double, cpu: Double) {
        let elapsed = elapsed
        let wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (Double(count) / wallSeconds, Double(count) / (Stopwatch.cpuSeconds() - cpu))
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Decisions per second over all 1,000 events, round after round.
func measure(_ name: String, _ events: [APIGatewayAuthorizerRequest]) async throws -> (wall: Double, cpu: Double) {
    _ = try await handler.handle(events[0])  // warm the caches
    let stopwatch = Stopwatch()
    var decisions = 0
    while stopwatch.elapsed < .seconds(seconds) {
        for event in events {
            let response = try await handler.handle(event)
            precondition(response.policyDocument.statement.first?.effect == .allow, "\(name): expected Allow")
        }
        decisions += events.count
    }
    return stopwatch.rates(decisions)
}

/// The Entra validator alone (parse, key lookup, RS256 verify, claims, principal).
func measureEntraVerification() async throws -> (wall: Double, cpu: Double) {
    let stopwatch = Stopwatch()
    var count = 0
    while stopwatch.elapsed < .seconds(seconds) {
        for token in tokens { _ = try await entra.validate(token, now: now) }
        count += tokens.count
    }
    return stopwatch.rates(count)
}

/// The JWT module alone, as the validator calls it.
func measureJWTVerification() throws -> (wall: Double, cpu: Double) {
    let validator = JWTValidator(algorithm: .rs256, issuer: issuer, audience: audience, requiredClaims: ["tenantid", "appid"])
    let keys = JWKS(keys: [jwk])
    let stopwatch = Stopwatch()
    var count = 0
    while stopwatch.elapsed < .seconds(seconds) {
        for token in tokens { _ = try validator.validate(token, keys: keys, now: now) }
        count += tokens.count
    }
    return stopwatch.rates(count)
}

let jwtVerifyRates = try measureJWTVerification()
let entraVerifyRates = try await measureEntraVerification()
let jwtRates = try await measure("jwt", jwtEvents)
let sigv4Rates = try await measure("sigv4", sigv4Events)
precondition(endpoint.fetches.withLock { $0 } == 1, "the key set should be fetched once")
// name, per wall-clock second, per CPU second
for (name, rates) in [("jwt-verify", jwtVerifyRates), ("entra-verify", entraVerifyRates), ("jwt", jwtRates), ("sigv4", sigv4Rates)] {
    print(name, Int(rates.wall), Int(rates.cpu))
}
