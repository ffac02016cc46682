import AWSCore
import DataAccess
import FoundationEssentials
import Testing
@testable import EntraAuth
@testable import JWT

@Suite struct EntraTokenValidatorTests {
    let now = 1_800_000_000
    var maker: TokenMaker { TokenMaker(now: now) }
    var date: Date { Date(timeIntervalSince1970: TimeInterval(now)) }
    let endpoint = FakeKeySetEndpoint(body: TokenMaker.keySet())

    func validator(_ configure: (inout EntraConfiguration) -> Void = { _ in }) throws -> EntraTokenValidator {
        var configuration = EntraConfiguration(issuer: TokenMaker.issuer, audience: TokenMaker.audience,
                                               jwksURL: "https://login.microsoftonline.com/contoso/discovery/v2.0/keys")
        configure(&configuration)
        return try EntraTokenValidator(configuration: configuration, transport: endpoint)
    }

    @Test func aValidTokenGivesItsPrincipal() async throws {
        let principal = try await validator().validate(maker.token(), now: date)
        #expect(principal == EntraPrincipal(tenantId: try TenantID(validating: "acme"), appId: "app-1", tier: .premium,
                                            sub: "user-1", roles: ["Platform.Admin", "Reader"]))
        let request = try #require(endpoint.requests.first)
        #expect(request.method == "GET")
        #expect(request.url == "https://login.microsoftonline.com/contoso/discovery/v2.0/keys")
    }

    @Test func optionalClaimsHaveDefaults() async throws {
        let validator = try validator()
        let bare = try await validator.validate(maker.token(claims: ["tier": nil, "sub": nil, "roles": nil]), now: date)
        #expect(bare.tier == nil && bare.effectiveTier == .basic && bare.sub == nil && bare.roles.isEmpty)
        let odd = try await validator.validate(maker.token(claims: ["tier": #""gold""#, "roles": #""Reader""#]), now: date)
        #expect(odd.tier == nil && odd.effectiveTier == .basic)
        #expect(odd.roles == ["Reader"])
        let numericTier = try await validator.validate(maker.token(claims: ["tier": "2"]), now: date)
        #expect(numericTier.tier == nil, "a tier that is not a string is not a tier")
    }

    @Test func anAudienceListContainingOursIsAccepted() async throws {
        let token = maker.token(claims: ["aud": #"["api://other","\#(TokenMaker.audience)"]"#])
        #expect(try await validator().validate(token, now: date).appId == "app-1")
    }

    @Test func expiryAndNotBeforeAllowSixtySecondsOfSkew() async throws {
        let validator = try validator()
        _ = try await validator.validate(maker.token(claims: ["exp": "\(now - 59)"]), now: date)
        _ = try await validator.validate(maker.token(claims: ["nbf": "\(now + 60)"]), now: date)
        await #expect(throws: EntraAuthError.expired) {
            try await validator.validate(maker.token(claims: ["exp": "\(now - 60)"]), now: date)
        }
        await #expect(throws: EntraAuthError.notYetValid) {
            try await validator.validate(maker.token(claims: ["nbf": "\(now + 61)"]), now: date)
        }
    }

    @Test func aTokenIssuedInTheFutureIsNotYetValid() async throws {
        let validator = try validator()
        _ = try await validator.validate(maker.token(claims: ["iat": "\(now + 60)"]), now: date)
        // Beyond the same 60 s of leeway, even with a valid nbf.
        await #expect(throws: EntraAuthError.notYetValid) {
            try await validator.validate(maker.token(claims: ["iat": "\(now + 61)", "nbf": "\(now - 10)"]), now: date)
        }
        await #expect(throws: EntraAuthError.malformedToken) {
            try await validator.validate(maker.token(claims: ["iat": #""soon""#]), now: date)
        }
    }

    /// ADR 0029: an ID token carries the client's nonce and no permission claim.
    static let notAccessTokens: [[String: String?]] = [
        ["nonce": #""n-0S6_WzA2Mj""#],
        ["nonce": "null"],
        ["scp": nil, "roles": nil],
        ["scp": "null", "roles": "null"],
    ]

    @Test(arguments: notAccessTokens)
    func onlyAccessTokensAreAccepted(overrides: [String: String?]) async throws {
        let validator = try validator()
        await #expect(throws: EntraAuthError.notAnAccessToken) {
            try await validator.validate(maker.token(claims: overrides), now: date)
        }
    }

    @Test func eitherPermissionClaimMarksAnAccessToken() async throws {
        let validator = try validator()
        // Delegated (a user's `scp`) or application (`roles`), each on its own.
        _ = try await validator.validate(maker.token(claims: ["roles": nil]), now: date)
        _ = try await validator.validate(maker.token(claims: ["scp": nil]), now: date)
    }

    @Test func theHeaderTypeMustBeAnAccessTokenType() async throws {
        let validator = try validator()
        for typ in ["JWT", "at+jwt", "application/at+JWT"] {
            let header = #"{"alg":"RS256","typ":"\#(typ)","kid":"\#(TokenMaker.kid)"}"#
            _ = try await validator.validate(maker.token(header: header), now: date)
        }
        _ = try await validator.validate(maker.token(header: #"{"alg":"RS256","kid":"\#(TokenMaker.kid)"}"#), now: date)
        await #expect(throws: EntraAuthError.notAnAccessToken) {
            try await validator.validate(maker.token(header: #"{"alg":"RS256","typ":"id_token+jwt","kid":"\#(TokenMaker.kid)"}"#), now: date)
        }
        #expect(EntraAuthError.notAnAccessToken.description == "token is not an access token")
        #expect(!EntraAuthError.notAnAccessToken.isServerError)
    }

    static let claimFailures: [([String: String?], EntraAuthError)] = [
        (["iss": #""https://login.microsoftonline.com/evil/v2.0""#], .wrongIssuer),
        (["iss": nil], .wrongIssuer),
        (["aud": #""api://other""#], .wrongAudience),
        (["aud": #"[]"#], .wrongAudience),
        (["exp": nil], .missingClaim("exp")),
        (["tenantid": nil], .missingClaim("tenantid")),
        (["tenantid": "null"], .missingClaim("tenantid")),
        (["appid": nil], .missingClaim("appid")),
        (["exp": nil, "tenantid": nil, "appid": "null"], .missingClaim("exp, tenantid, appid")),
        (["tenantid": #""Acme Corp""#], .invalidClaim("tenantid")),
        (["tenantid": #""admin""#], .invalidClaim("tenantid")),
        (["tenantid": "42"], .invalidClaim("tenantid")),
        (["appid": #""""#], .invalidClaim("appid")),
        (["appid": "true"], .invalidClaim("appid")),
        (["sub": "7"], .invalidClaim("sub")),
        (["roles": #"["Reader",1]"#], .invalidClaim("roles")),
        (["exp": #""tomorrow""#], .malformedToken),
    ]

    @Test(arguments: claimFailures)
    func claimsAreChecked(overrides: [String: String?], expected: EntraAuthError) async throws {
        let validator = try validator()
        await #expect(throws: expected) { try await validator.validate(maker.token(claims: overrides), now: date) }
    }

    @Test func aTamperedPayloadFailsTheSignature() async throws {
        let parts = maker.token().split(separator: ".").map(String.init)
        let forged = Base64URL.encode(Array(maker.payload(["tenantid": #""globex""#]).utf8))
        let validator = try validator()
        await #expect(throws: EntraAuthError.badSignature) {
            try await validator.validate([parts[0], forged, parts[2]].joined(separator: "."), now: date)
        }
        await #expect(throws: EntraAuthError.badSignature) {
            try await validator.validate(maker.token(key: TokenMaker.otherKey), now: date)
        }
    }

    /// Headers a forger might send: none of them is accepted, and none makes the validator fetch keys.
    static let forgedHeaders: [String] = [
        TokenMaker.header(alg: "none"),
        TokenMaker.header(alg: "HS256"),
        TokenMaker.header(alg: "RS512"),
        TokenMaker.header(alg: "rs256"),
        TokenMaker.header(extra: #""crit":["exp"]"#),
        TokenMaker.header(extra: #""crit":[]"#),
    ]

    @Test(arguments: forgedHeaders)
    func onlyPlainRS256HeadersAreAccepted(header: String) async throws {
        let signingInput = TokenMaker.signingInput(header: header, payload: maker.payload())
        let validator = try validator()
        for signature in ["", Base64URL.encode(try TokenMaker.key.sign(Array(signingInput.utf8)))] {
            await #expect(throws: EntraAuthError.unsupportedAlgorithm) {
                try await validator.validate(signingInput + "." + signature, now: date)
            }
        }
        #expect(endpoint.fetches == 0)
    }

    @Test func anHS256TokenKeyedWithThePublicKeyIsRefused() async throws {
        // The classic confusion attack: HMAC keyed with the issuer's published key material.
        let publicKey = Array(TokenMaker.keySet().utf8)
        let claims = try JSONDecoder().decode(JWTClaims.self, from: Data(maker.payload().utf8))
        let token = try JWTSigner.signHS256(claims, secret: publicKey, kid: TokenMaker.kid)
        await #expect(throws: EntraAuthError.unsupportedAlgorithm) { try await validator().validate(token, now: date) }
        #expect(endpoint.fetches == 0)
    }

    @Test func aKeyPublishedForAnotherAlgorithmIsNotUsed() async throws {
        endpoint.answer(body: TokenMaker.keySet(alg: "RS384"))
        await #expect(throws: EntraAuthError.unsupportedAlgorithm) { try await validator().validate(maker.token(), now: date) }
    }

    static let malformedTokens: [String] = [
        "", "abc", "a.b", "a.b.c.d", "e30.e30.", "!!!.e30.sig",
        TokenMaker.signingInput(header: "not json", payload: "{}") + ".c2ln",
        TokenMaker.signingInput(header: TokenMaker.header(), payload: "[1]") + ".c2ln",
        String(repeating: "a", count: 16 * 1024 + 1) + ".e30.e30",
    ]

    @Test(arguments: malformedTokens)
    func malformedAndOversizedTokensAreRefusedBeforeAnyFetch(token: String) async throws {
        await #expect(throws: EntraAuthError.malformedToken) { try await validator().validate(token, now: date) }
        #expect(endpoint.fetches == 0)
    }

    @Test func aTokenWithoutAKidCannotBeMatchedToAKey() async throws {
        let token = maker.token(header: TokenMaker.header(kid: nil))
        await #expect(throws: EntraAuthError.unknownKey) { try await validator().validate(token, now: date) }
        #expect(endpoint.fetches == 0)
    }

    @Test func anUnknownKidRefetchesAtMostOncePerThirtySeconds() async throws {
        let validator = try validator()
        _ = try await validator.validate(maker.token(), now: date)
        let rotated = maker.token(header: TokenMaker.header(kid: "key-2"), key: TokenMaker.otherKey)
        await #expect(throws: EntraAuthError.unknownKey) { try await validator.validate(rotated, now: date) }
        #expect(endpoint.fetches == 1, "the first fetch was under 30 s ago")

        endpoint.answer(body: TokenMaker.keySet([(TokenMaker.key, TokenMaker.kid), (TokenMaker.otherKey, "key-2")]))
        let later = date.addingTimeInterval(30)
        #expect(try await validator.validate(rotated, now: later).tenantId.rawValue == "acme")
        #expect(try await validator.validate(maker.token(), now: later).appId == "app-1")
        #expect(endpoint.fetches == 2)
        await #expect(throws: EntraAuthError.unknownKey) {
            try await validator.validate(maker.token(header: TokenMaker.header(kid: "key-3")), now: later.addingTimeInterval(29))
        }
        #expect(endpoint.fetches == 2)
    }

    @Test func aWarmCacheOutlivesAnEndpointOutage() async throws {
        let validator = try validator()
        _ = try await validator.validate(maker.token(), now: date)
        endpoint.goDown()
        let afterLifetime = date.addingTimeInterval(301)
        #expect(try await validator.validate(maker.token(), now: afterLifetime).appId == "app-1")
        #expect(endpoint.fetches == 2)
        #expect(await validator.failedKeySetFetches == 1)
    }

    /// Every way the JWKS endpoint can fail leaves a cold validator unable to check anything: a server error.
    static let badKeySetAnswers: [(status: Int, body: String)] = [
        (500, TokenMaker.keySet()),
        (404, #"{"error":"not_found"}"#),
        (200, "<html>maintenance</html>"),
        (200, #"{"keys":"#),
        (200, #"{"keys":[]"# + String(repeating: " ", count: 64 * 1024) + "}"),
        (200, #"{"keys":["# + Array(repeating: #"{"kty":"oct","k":"AAAA"}"#, count: 3000).joined(separator: ",") + "]}"),
    ]

    @Test(arguments: badKeySetAnswers)
    func anUnusableKeySetIsAServerError(answer: (status: Int, body: String)) async throws {
        endpoint.answer(status: answer.status, body: answer.body)
        let error = await #expect(throws: EntraAuthError.keySetUnavailable) { try await validator().validate(maker.token(), now: date) }
        #expect(error?.isServerError == true)
    }

    @Test func anUnreachableEndpointIsAServerError() async throws {
        endpoint.goDown()
        await #expect(throws: EntraAuthError.keySetUnavailable) { try await validator().validate(maker.token(), now: date) }
    }

    @Test func aKeySetWithoutTheKidLeavesTheKeyUnknown() async throws {
        endpoint.answer(body: #"{"keys":[]}"#)
        await #expect(throws: EntraAuthError.unknownKey) { try await validator().validate(maker.token(), now: date) }
    }

    @Test func aLargerKeySetLimitCanBeConfiguredDownward() async throws {
        let validator = try validator { $0.maxKeySetBytes = 100 }
        await #expect(throws: EntraAuthError.keySetUnavailable) { try await validator.validate(maker.token(), now: date) }
    }

    @Test func anUnusableJWKSURLIsAConfigurationError() {
        #expect(throws: EntraAuthError.configuration("ENTRA_JWKS_URL")) {
            try EntraTokenValidator(configuration: EntraConfiguration(issuer: "i", audience: "a", jwksURL: "keys.json"),
                                    transport: FakeKeySetEndpoint(body: ""))
        }
    }
}
