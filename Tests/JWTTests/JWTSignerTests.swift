import Foundation
import Testing
@testable import JWT
import PlatformJSON

@Suite struct JWTSignerTests {
    static let now = Date(timeIntervalSince1970: TimeInterval(JWTFixtures.now))

    @Test func rs256TokensFromAGeneratedKeyVerifyAgainstItsJWK() throws {
        let key = try RSAKey.generate()
        let jwk = JWK(publicKeyOf: key)
        let kid = try #require(jwk.kid)
        let claims = JWTClaims(["iss": .string("http://127.0.0.1:9000/tenant/v2.0"), "aud": .string("api://agent-platform"), "exp": .number(JSONNumber(JWTFixtures.now + 60))])
        let token = try JWTSigner.signRS256(claims, key: key, kid: kid)
        #expect(!token.contains("\\/"))
        let validator = JWTValidator(algorithm: .rs256, issuer: "http://127.0.0.1:9000/tenant/v2.0", audience: "api://agent-platform")
        let jwt = try validator.validate(token, keys: JWKS(keys: [jwk]), now: Self.now)
        #expect(jwt.header == JWTHeader(alg: "RS256", kid: kid))
        #expect(jwt.claims == claims)
    }

    @Test func rs256MatchesPyJWTForTheSameKeyAndInput() throws {
        // RSASSA-PKCS1-v1_5 is deterministic: the same signing input under the
        // same key must give PyJWT's signature byte for byte.
        let fixture = try JWT(parsing: JWTFixtures.rs256Token)
        let key = try RSAKey(privateKeyPEM: JWTFixtures.signingKeyPEM)
        #expect(try key.sign(fixture.signingInput) == fixture.signature)
    }

    @Test func hs256RoundTripsAndMatchesPyJWT() throws {
        let secret = Array(JWTFixtures.hs256Secret.utf8)
        let fixture = try JWT(parsing: JWTFixtures.hs256Token)
        #expect(try HMACSHA256.authenticationCode(for: fixture.signingInput, key: secret) == fixture.signature)
        let token = try JWTSigner.signHS256(fixture.claims, secret: secret, kid: "scoped-1")
        let jwt = try JWTValidator(algorithm: .hs256, issuer: nil, audience: "tool:search").validate(token, secret: secret, now: Self.now)
        #expect(jwt.header.kid == "scoped-1")
        #expect(jwt.claims == fixture.claims)
    }

    @Test func refusesClaimsThatAreNotJSON() {
        #expect(throws: JWTError(.invalidJSON, "the claims cannot be encoded as JSON")) {
            try JWTSigner.signHS256(JWTClaims(["exp": try JSONParser().parse("1e999")]), secret: [1])
        }
    }

    @Test func errorDescriptionsCarryTheStableCode() {
        #expect(JWTError.expired.description == "jwt.expired: the token has expired")
        #expect(JWTError.cryptoFailure("sign").code == .cryptoFailure)
        #expect(JWTError.missingClaim("tenantid").message == "the tenantid claim is missing")
    }
}
