import Foundation
import Testing
@testable import JWT

@Suite struct JWKSTests {
    @Test func keepsOnlyRSASigningKeys() throws {
        let jwks = try JWKS(json: Array(JWTFixtures.jwks.utf8))
        #expect(jwks.kids == ["key-1", "key-2"])
        #expect(jwks.key(for: "key-1") != nil)
        #expect(jwks.key(for: "ec-key") == nil)
        #expect(jwks.key(for: "enc-key") == nil)
        #expect(jwks.key(for: "oct-key") == nil)
    }

    @Test func skipsKeysWithoutKidDuplicatesAndBrokenComponents() throws {
        let good = try #require(JWKS(json: Array(JWTFixtures.jwks.utf8)).keys.first)
        var noKid = good
        noKid.kid = nil
        var duplicate = good
        duplicate.n = "AQAB"
        var broken = good
        broken.kid = "broken"
        broken.n = "AQAB"
        var noExponent = good
        noExponent.kid = "no-e"
        noExponent.e = nil
        let jwks = JWKS(keys: [noKid, good, duplicate, broken, noExponent])
        #expect(jwks.kids == ["key-1"])
        #expect(jwks.keys == [good])
    }

    @Test func refusesHugeOrInvalidDocuments() {
        let huge = Array(#"{"keys":[]}"#.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: JWKS.maximumSize)
        #expect(throws: JWTError.invalidJWKS("the JWKS document is larger than 64 KB")) { try JWKS(json: huge) }
        for document in ["[]", #"{"keys":{}}"#, "not json", #"{"keys":[{"kid":"x"}]}"#] {
            #expect(throws: JWTError.invalidJWKS("the document is not a JWKS")) { try JWKS(json: Array(document.utf8)) }
        }
    }

    @Test func jwkRequiresRSAComponents() throws {
        #expect(throws: JWTError.invalidKey("an RSA JWK needs kty RSA, n and e")) { try JWK(kty: "EC", n: "AQAB", e: "AQAB").rsaKey() }
        #expect(throws: JWTError.invalidKey("an RSA JWK needs kty RSA, n and e")) { try JWK(kty: "RSA", e: "AQAB").rsaKey() }
        #expect(throws: JWTError.invalidBase64URL) { try JWK(kty: "RSA", n: "A+", e: "AQAB").rsaKey() }
        #expect(JWK(kty: "RSA", use: "enc").isRSASigningKey == false)
        #expect(JWK(kty: "RSA", use: "sig").isRSASigningKey)
        #expect(JWK(kty: "RSA").isRSASigningKey)
    }

    @Test func thumbprintMatchesRFC7638() {
        let n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
        #expect(JWK.thumbprint(n: n, e: "AQAB") == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }

    @Test func exportsAPublicJWKWithAThumbprintKid() throws {
        let key = try RSAKey(privateKeyPEM: JWTFixtures.signingKeyPEM)
        let jwk = JWK(publicKeyOf: key)
        #expect(jwk.kty == "RSA" && jwk.use == "sig" && jwk.alg == "RS256" && jwk.e == "AQAB")
        #expect(jwk.kid == JWK.thumbprint(n: try #require(jwk.n), e: "AQAB"))
        #expect(JWK(publicKeyOf: key, kid: "idp-1").kid == "idp-1")
        let json = try JSONEncoder().encode(jwk)
        #expect(try JSONDecoder().decode(JWK.self, from: json) == jwk)
    }
}
