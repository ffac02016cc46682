import AWSCore
import Foundation
import LambdaEvents
import LambdaHost
import PlatformTestSupport
import Testing

/// The packaged `bff` executable run as a Lambda `bootstrap` by the runtime emulator
/// (LambdaHost), with a proxy-integration event as API Gateway sends it.
@Suite struct BFFBootstrapIntegrationTests {
    static let binaries: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return (executable as NSString).deletingLastPathComponent
    }()

    @Test func tokenRefreshThroughTheRealBootstrap() async throws {
        let aws = try LocalAWS()
        let env = LocalAWS.unique("bffboot")
        let clientSecret = "secret-" + UUID().uuidString
        let secrets = SecretsManagerClient(client: try aws.client(.secretsManager))
        try await secrets.createSecret(name: "platform/\(env)/entra/client-id", secretString: LocalIdentityProvider.clientID)
        try await secrets.createSecret(name: "platform/\(env)/entra/client-secret", secretString: clientSecret)
        let idp = try LocalIdentityProvider(clientSecret: clientSecret, transport: aws.transport)
        defer { idp.stop() }

        let function = FunctionConfiguration(
            name: "bff", bootstrap: "\(Self.binaries)/bff",
            environment: ["ENTRA_AUDIENCE": LocalIdentityProvider.audience, "ENTRA_ISSUER": idp.issuer, "PLATFORM_ENV": env],
            timeout: 30)
        let host = try LambdaHost(functions: [function], region: aws.region, hostEnvironment: aws.environment, log: nil)
        defer { host.stop() }

        let tenantID = LocalAWS.unique("acme")
        let token = try await idp.userToken(tenantID: tenantID)
        let invoke = { (scope: String) throws -> APIGatewayProxyResponse in
            let event = ProxyEvent.post("/v1/bff/token-refresh", body: #"{"scope":"\#(scope)"}"#, token: token, tenantID: tenantID)
            let result = try host.invoke(function: "bff", payload: Array(try JSONEncoder().encode(event)))
            #expect(result.error == nil)
            return try JSONDecoder().decode(APIGatewayProxyResponse.self, from: Data(result.payload))
        }

        let success = try invoke("api://agent-platform/Agents.Invoke")
        #expect(success.statusCode == 200)
        let body = try #require(JSONSerialization.jsonObject(with: Data((success.body ?? "").utf8)) as? [String: Any])
        #expect(try JWTClaims.decode(try #require(body["accessToken"] as? String))["tenantid"] as? String == tenantID)

        let refused = try invoke("api://agent-platform/.default")
        #expect(refused.statusCode == 400)
        #expect(refused.body?.contains(#""code":"INVALID_REQUEST""#) == true)
    }
}
