import AWSCore
import DataAccess
import EntraAuth
import Foundation
import JWT
import PlatformTestSupport
import Testing
import PlatformJSON

/// The validator against the real local identity provider (`scripts/local_idp.py`):
/// tokens minted by PyJWT, keys fetched over HTTP from its JWKS endpoint.
@Suite struct EntraTokenValidatorIntegrationTests {
    let idp: LocalIdentityProvider
    let transport = CountingTransport()
    let validator: EntraTokenValidator

    init() throws {
        idp = try LocalIdentityProvider()
        validator = try EntraTokenValidator(
            configuration: EntraConfiguration(issuer: idp.issuer, audience: idp.audience, jwksURL: idp.jwksURL), transport: transport)
    }

    var now: Int { Int(Date().timeIntervalSince1970) }

    func validate(_ token: String, at date: Date = Date()) async throws(EntraAuthError) -> EntraPrincipal {
        try await validator.validate(token, now: date)
    }

    @Test func aMintedTokenIsValid() async throws {
        let token = try await idp.token(#"{"tenantid":"acme","appid":"app-7","tier":"standard","roles":["Platform.Operator"]}"#)
        let principal = try await validate(token)
        #expect(principal == EntraPrincipal(tenantId: try TenantID(validating: "acme"), appId: "app-7", tier: .standard,
                                            sub: "dev-user", roles: ["Platform.Operator"]))
        #expect(transport.requests == 1)
        _ = try await validate(token)
        #expect(transport.requests == 1, "the key set is cached")
    }

    @Test func expiredAndNotYetValidTokensAreRefused() async throws {
        let expired = try await idp.token(#"{"tenantid":"acme","iat":\#(now - 7200),"nbf":\#(now - 7200),"exp":\#(now - 61)}"#)
        await #expect(throws: EntraAuthError.expired) { try await validate(expired) }
        let early = try await idp.token(#"{"tenantid":"acme","nbf":\#(now + 120)}"#)
        await #expect(throws: EntraAuthError.notYetValid) { try await validate(early) }
    }

    @Test func anotherAudienceOrIssuerIsRefused() async throws {
        let otherAudience = try await idp.token(#"{"tenantid":"acme","aud":"api://someone-else"}"#)
        await #expect(throws: EntraAuthError.wrongAudience) { try await validate(otherAudience) }
        let otherIssuer = try await idp.token(#"{"tenantid":"acme","iss":"\#(idp.baseURL)/another-directory/v2.0"}"#)
        await #expect(throws: EntraAuthError.wrongIssuer) { try await validate(otherIssuer) }
    }

    @Test func aTokenWithoutTenantIDIsRefused() async throws {
        let token = try await idp.token() // the issuer's defaults carry no tenantid
        await #expect(throws: EntraAuthError.missingClaim("tenantid")) { try await validate(token) }
    }

    @Test func algNoneIsRefused() async throws {
        let parts = try await idp.token(#"{"tenantid":"acme"}"#).split(separator: ".")
        let header = try JSONDecoder().decode(JWTHeader.self, from: Data(Base64URL.decode(parts[0])))
        let none = Base64URL.encode(Array(#"{"alg":"none","kid":"\#(header.kid ?? "")","typ":"JWT"}"#.utf8))
        await #expect(throws: EntraAuthError.unsupportedAlgorithm) { try await validate("\(none).\(parts[1]).") }
        await #expect(throws: EntraAuthError.unsupportedAlgorithm) { try await validate("\(none).\(parts[1]).\(parts[2])") }
    }

    @Test func anHS256TokenSignedWithThePublishedKeyIsRefused() async throws {
        let minted = try await idp.token(#"{"tenantid":"acme"}"#)
        let parsed = try JWT(parsing: minted)
        let response = try await CurlTransport().send(try #require(HTTPRequest(method: "GET", url: idp.jwksURL)))
        let jwks = try JWKS(json: response.body)
        let jwk = try #require(jwks.keys.first { $0.kid == parsed.header.kid })
        // The secret a confused verifier would use: the public key as published.
        let forged = try JWTSigner.signHS256(parsed.claims, secret: Array(try JSONEncoder().encode(jwk)), kid: jwk.kid)
        await #expect(throws: EntraAuthError.unsupportedAlgorithm) { try await validate(forged) }
    }

    @Test func aTamperedPayloadIsRefused() async throws {
        let parts = try await idp.token(#"{"tenantid":"acme","tier":"basic"}"#).split(separator: ".").map(String.init)
        var claims = try JSONSerialization.jsonObject(with: Data(Base64URL.decode(parts[1]))) as! [String: Any]
        claims["tier"] = "premium"
        let payload = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims))
        await #expect(throws: EntraAuthError.badSignature) { try await validate([parts[0], payload, parts[2]].joined(separator: ".")) }
    }

    @Test func aRotatedKeyIsFetchedOnceWhenItsKidIsFirstSeen() async throws {
        let start = Date()
        _ = try await validate(try await idp.token(#"{"tenantid":"acme"}"#), at: start)
        let newKid = try await idp.rotateKeys()
        let rotated = try await idp.token(#"{"tenantid":"acme"}"#)
        #expect(try JWT(parsing: rotated).header.kid == newKid)
        // Within 30 s of the last fetch an unknown kid does not refetch...
        await #expect(throws: EntraAuthError.unknownKey) { try await validate(rotated, at: start.addingTimeInterval(5)) }
        #expect(transport.requests == 1)
        // ...after that it refetches once, and the new key then serves from the cache.
        #expect(try await validate(rotated, at: start.addingTimeInterval(31)).tenantId.rawValue == "acme")
        #expect(try await validate(rotated, at: start.addingTimeInterval(32)).tenantId.rawValue == "acme")
        #expect(transport.requests == 2)
    }

    @Test func aWarmCacheKeepsValidatingWhileTheKeyEndpointIsDown() async throws {
        let first = try await idp.token(#"{"tenantid":"acme"}"#)
        let second = try await idp.token(#"{"tenantid":"globex","appid":"app-9"}"#)
        let start = Date()
        _ = try await validate(first, at: start)
        idp.stop()
        // The cached set is past its 5-minute lifetime: the refetch fails and the old keys still serve.
        let principal = try await validate(second, at: start.addingTimeInterval(301))
        #expect(principal.tenantId.rawValue == "globex")
        #expect(transport.requests == 2)
        #expect(await validator.failedKeySetFetches == 1)

        let cold = try EntraTokenValidator(
            configuration: EntraConfiguration(issuer: idp.issuer, audience: idp.audience, jwksURL: idp.jwksURL), transport: transport)
        let error = await #expect(throws: EntraAuthError.keySetUnavailable) { try await cold.validate(second, now: start) }
        #expect(error?.isServerError == true)
    }
}
