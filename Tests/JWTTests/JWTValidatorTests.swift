import Foundation
import Testing
@testable import JWT
import PlatformJSON

@Suite struct JWTValidatorTests {
    static let jwks = try! JWKS(json: Array(JWTFixtures.jwks.utf8))
    static let signingKey = try! RSAKey(privateKeyPEM: JWTFixtures.signingKeyPEM)
    static let now = Date(timeIntervalSince1970: TimeInterval(JWTFixtures.now))
    static let entra = JWTValidator(algorithm: .rs256, issuer: JWTFixtures.issuer, audience: JWTFixtures.audience, requiredClaims: ["tenantid", "appid"])
    static let secret = Array(JWTFixtures.hs256Secret.utf8)

    /// The fixture token's claims, to re-sign with changes.
    static var claims: JWTClaims { try! JWT(parsing: JWTFixtures.rs256Token).claims }

    static func token(_ change: (inout JWTClaims) -> Void, kid: String = "key-1") throws -> String {
        var claims = Self.claims
        change(&claims)
        return try JWTSigner.signRS256(claims, key: signingKey, kid: kid)
    }

    static func unsigned(header: String, payload: String = #"{"exp":1}"#) -> String {
        "\(Base64URL.encode(Array(header.utf8))).\(Base64URL.encode(Array(payload.utf8))).AAAA"
    }

    @Test func acceptsPyJWTTokensWithStringOrArrayAudience() throws {
        let jwt = try Self.entra.validate(JWTFixtures.rs256Token, keys: Self.jwks, now: Self.now)
        #expect(try jwt.claims.string("appid") == "app-1")
        _ = try Self.entra.validate(JWTFixtures.rs256ArrayAudienceToken, keys: Self.jwks, now: Self.now)
    }

    @Test func validatesAnAlreadyParsedTokenTheSameWay() throws {
        let parsed = try JWT(parsing: JWTFixtures.rs256Token)
        #expect(try Self.entra.validate(parsed, keys: Self.jwks, now: Self.now).claims == parsed.claims)
        let hs256 = JWTValidator(algorithm: .hs256, issuer: nil, audience: nil)
        #expect(throws: JWTError.algorithmMismatch("this validator is pinned to HS256")) { try hs256.validate(parsed, keys: Self.jwks, now: Self.now) }
        #expect(throws: JWTError.invalidSignature) { try Self.entra.validate(JWT(parsing: JWTFixtures.rs256WrongKeyToken), keys: Self.jwks, now: Self.now) }
    }

    @Test func rejectsASignatureFromAnotherKey() {
        #expect(throws: JWTError.invalidSignature) { try Self.entra.validate(JWTFixtures.rs256WrongKeyToken, keys: Self.jwks, now: Self.now) }
    }

    @Test func pinsTheAlgorithm() throws {
        for alg in ["none", "HS256", "RS384", "ES256"] {
            #expect(throws: JWTError.unsupportedAlgorithm) {
                try Self.entra.validate(Self.unsigned(header: #"{"alg":"\#(alg)","kid":"key-1"}"#), keys: Self.jwks, now: Self.now)
            }
        }
        #expect(throws: JWTError.unsupportedAlgorithm) { try Self.entra.validate(JWTFixtures.hs256Token, keys: Self.jwks, now: Self.now) }
        let pinned = JWTError.algorithmMismatch("this validator is pinned to RS256")
        #expect(throws: pinned) { try Self.entra.validate(JWTFixtures.hs256Token, secret: Self.secret, now: Self.now) }
    }

    @Test func rejectsCriticalHeadersAndUnknownKeys() throws {
        #expect(throws: JWTError.criticalHeader) {
            try Self.entra.validate(Self.unsigned(header: #"{"alg":"RS256","kid":"key-1","crit":["exp"]}"#), keys: Self.jwks, now: Self.now)
        }
        #expect(throws: JWTError.unknownKey) { try Self.entra.validate(Self.unsigned(header: #"{"alg":"RS256"}"#), keys: Self.jwks, now: Self.now) }
        #expect(throws: JWTError.unknownKey) { try Self.entra.validate(Self.token({ _ in }, kid: "key-9"), keys: Self.jwks, now: Self.now) }
    }

    @Test func rejectsAKeyWhoseAlgDiffersFromTheHeader() throws {
        var jwk = try #require(Self.jwks.keys.first)
        jwk.alg = "RS512"
        #expect(throws: JWTError.algorithmMismatch("the key's alg differs from the header's")) {
            try Self.entra.validate(JWTFixtures.rs256Token, keys: JWKS(keys: [jwk]), now: Self.now)
        }
        jwk.alg = nil
        _ = try Self.entra.validate(JWTFixtures.rs256Token, keys: JWKS(keys: [jwk]), now: Self.now)
    }

    @Test func rejectsATokenIssuedInTheFuture() throws {
        let issuedAt = Self.now.addingTimeInterval(-60)
        // The fixture's iat is its nbf: at 60 s before it, still within the leeway...
        _ = try Self.entra.validate(JWTFixtures.rs256Token, keys: Self.jwks, now: issuedAt.addingTimeInterval(-60))
        // ...and without an nbf, an iat more than 60 s ahead is refused on its own.
        let token = try Self.token { $0["nbf"] = nil }
        _ = try Self.entra.validate(token, keys: Self.jwks, now: issuedAt.addingTimeInterval(-60))
        #expect(throws: JWTError.issuedInFuture) { try Self.entra.validate(token, keys: Self.jwks, now: issuedAt.addingTimeInterval(-61)) }
        #expect(JWTError.issuedInFuture.code.rawValue == "jwt.issued_in_future")
        let noIssuedAt = try Self.token { $0["nbf"] = nil; $0["iat"] = nil }
        _ = try Self.entra.validate(noIssuedAt, keys: Self.jwks, now: issuedAt.addingTimeInterval(-3600))
        let textIssuedAt = try Self.token { $0["iat"] = .string("now") }
        #expect(throws: JWTError.invalidClaim("iat")) { try Self.entra.validate(textIssuedAt, keys: Self.jwks, now: Self.now) }
    }

    @Test func appliesAtMostSixtySecondsOfLeeway() throws {
        let expiry = Self.now.addingTimeInterval(3600)
        _ = try Self.entra.validate(JWTFixtures.rs256Token, keys: Self.jwks, now: expiry.addingTimeInterval(59))
        #expect(throws: JWTError.expired) { try Self.entra.validate(JWTFixtures.rs256Token, keys: Self.jwks, now: expiry.addingTimeInterval(60)) }
        let notBefore = Self.now.addingTimeInterval(-60)
        _ = try Self.entra.validate(JWTFixtures.rs256Token, keys: Self.jwks, now: notBefore.addingTimeInterval(-60))
        #expect(throws: JWTError.notYetValid) { try Self.entra.validate(JWTFixtures.rs256Token, keys: Self.jwks, now: notBefore.addingTimeInterval(-61)) }
        #expect(JWTValidator(algorithm: .rs256, issuer: nil, audience: nil, leeway: 600).leeway == 60)
        #expect(JWTValidator(algorithm: .rs256, issuer: nil, audience: nil, leeway: -5).leeway == 0)
    }

    @Test func requiresANumericExpiry() throws {
        #expect(throws: JWTError.missingClaim("exp")) { try Self.entra.validate(Self.token { $0["exp"] = nil }, keys: Self.jwks, now: Self.now) }
        #expect(throws: JWTError.invalidClaim("exp")) { try Self.entra.validate(Self.token { $0["exp"] = .string("soon") }, keys: Self.jwks, now: Self.now) }
        _ = try Self.entra.validate(Self.token { $0["nbf"] = nil }, keys: Self.jwks, now: Self.now)
    }

    @Test func checksIssuerAudienceAndRequiredClaims() throws {
        let cases: [(JWTError, (inout JWTClaims) -> Void)] = [
            (.issuerMismatch, { $0["iss"] = .string("https://evil.example/v2.0") }),
            (.issuerMismatch, { $0["iss"] = nil }),
            (.invalidClaim("iss"), { $0["iss"] = .number(JSONNumber(1)) }),
            (.audienceMismatch, { $0["aud"] = .string("api://other") }),
            (.audienceMismatch, { $0["aud"] = .array([]) }),
            (.audienceMismatch, { $0["aud"] = nil }),
            (.invalidClaim("aud"), { $0["aud"] = .number(JSONNumber(1)) }),
            (.missingClaim("tenantid"), { $0["tenantid"] = nil }),
            (.missingClaim("appid"), { $0["appid"] = .null }),
        ]
        for (expected, change) in cases {
            #expect(throws: expected) { try Self.entra.validate(Self.token(change), keys: Self.jwks, now: Self.now) }
        }
        let lenient = JWTValidator(algorithm: .rs256, issuer: nil, audience: nil)
        _ = try lenient.validate(Self.token { $0["iss"] = nil; $0["aud"] = nil; $0["tenantid"] = nil }, keys: Self.jwks, now: Self.now)
    }

    @Test func validatesHS256ScopedTokens() throws {
        let scoped = JWTValidator(algorithm: .hs256, issuer: nil, audience: "tool:search")
        let jwt = try scoped.validate(JWTFixtures.hs256Token, secret: Self.secret, now: Self.now)
        #expect(try jwt.claims.string("scope_tool") == "search")
        #expect(throws: JWTError.invalidSignature) { try scoped.validate(JWTFixtures.hs256Token, secret: Array("other".utf8), now: Self.now) }
        #expect(throws: JWTError.unsupportedAlgorithm) { try scoped.validate(JWTFixtures.rs256Token, secret: Self.secret, now: Self.now) }
        #expect(throws: JWTError.algorithmMismatch("this validator is pinned to HS256")) {
            try scoped.validate(JWTFixtures.hs256Token, keys: Self.jwks, now: Self.now)
        }
    }

    @Test func errorsNeverCarryTheTokenOrClaimValues() throws {
        var messages: [String] = []
        let tokens = [try Self.token { $0["iss"] = .string("https://evil.example") }, try Self.token { $0["tenantid"] = nil }, JWTFixtures.rs256WrongKeyToken]
        for token in tokens {
            do {
                _ = try Self.entra.validate(token, keys: Self.jwks, now: Self.now)
            } catch {
                messages.append(error.description)
            }
        }
        #expect(messages.count == 3)
        for message in messages {
            for secret in ["evil.example", "acme", "user-123", "app-1", JWTFixtures.issuer] + tokens.flatMap({ $0.split(separator: ".").map(String.init) }) {
                #expect(!message.contains(secret))
            }
            #expect(message.hasPrefix("jwt."))
        }
    }
}
