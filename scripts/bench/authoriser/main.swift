// Authoriser decisions per second, in-process, warm caches: the JWT path
// (RS256 through AuthoriserHandler) and the SigV4 path. Writes the same
// tokens and the public JWK for the PyJWT peer.
// Usage: authoriser-bench OUT.json SECONDS
import AWSCore
import AuthoriserCore
import DataAccess
import FoundationEssentials
import JWT
import LambdaEvents
import PlatformJSON

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
try JSONEncoder().encode(Peer(tokens: tokens, jwk: jwk, issuer: issuer, audience: audience)).write(to: URL(fileURLWithPath: output))

/// The warm-cache verification the Entra validator performs: RS256 pinned, key by kid, iss/aud/exp/nbf, required claims.
struct WarmJWKSVerifier: BearerTokenVerifier {
    let validator = JWTValidator(algorithm: .rs256, issuer: issuer, audience: audience, requiredClaims: ["tenantid", "appid"])
    let keys: JWKS
    func verify(bearer token: String) async throws(AuthorisationFailure) -> VerifiedToken {
        do {
            let claims = try validator.validate(token, keys: keys, now: Date()).claims
            return VerifiedToken(tenantID: try claims.string("tenantid") ?? "", appID: try claims.string("appid") ?? "",
                                 subject: try claims.string("sub"), roles: try claims.strings("roles") ?? [])
        } catch {
            throw .token(error.code.rawValue)
        }
    }
}

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

let handler = AuthoriserHandler(tokens: WarmJWKSVerifier(keys: JWKS(keys: [jwk])), directory: BenchDirectory(), region: "eu-west-2")
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

func measure(_ name: String, _ events: [APIGatewayAuthorizerRequest]) async throws -> Double {
    _ = try await handler.handle(events[0])  // warm the caches
    let clock = ContinuousClock()
    let start = clock.now
    var decisions = 0
    while clock.now - start < .seconds(seconds) {
        for event in events.prefix(100) {
            let response = try await handler.handle(event)
            precondition(response.policyDocument.statement.first?.effect == .allow, "\(name): expected Allow")
        }
        decisions += 100
    }
    let elapsed = clock.now - start
    return Double(decisions) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// The token verification alone (JWT module), to separate it from the decision around it.
func measureVerification() throws -> Double {
    let validator = WarmJWKSVerifier(keys: JWKS(keys: [jwk])).validator
    let keys = JWKS(keys: [jwk])
    let clock = ContinuousClock()
    let start = clock.now
    var count = 0
    while clock.now - start < .seconds(seconds) {
        for token in tokens.prefix(100) { _ = try validator.validate(token, keys: keys, now: now) }
        count += 100
    }
    let elapsed = clock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let verifyRate = try measureVerification()
let jwtRate = try await measure("jwt", jwtEvents)
let sigv4Rate = try await measure("sigv4", sigv4Events)
print("jwt-verify \(Int(verifyRate))")
print("jwt \(Int(jwtRate))")
print("sigv4 \(Int(sigv4Rate))")
