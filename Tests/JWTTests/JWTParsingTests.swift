import Foundation
import Testing
@testable import JWT
import PlatformJSON

@Suite struct JWTParsingTests {
    static func part(_ json: String) -> String { Base64URL.encode(Array(json.utf8)) }

    @Test func splitsAPyJWTTokenIntoItsParts() throws {
        let jwt = try JWT(parsing: JWTFixtures.rs256Token)
        #expect(jwt.header == JWTHeader(alg: "RS256", kid: "key-1", typ: "JWT"))
        #expect(try jwt.claims.string("tenantid") == "acme")
        #expect(try jwt.claims.strings("roles") == ["Platform.Admin", "Reader"])
        #expect(jwt.signature.count == 256)
        #expect(String(decoding: jwt.signingInput, as: UTF8.self) == JWTFixtures.rs256Token.split(separator: ".").prefix(2).joined(separator: "."))
    }

    @Test func refusesOversizedTokensBeforeDecoding() {
        let token = String(repeating: "a", count: JWT.maximumSize + 1)
        #expect(throws: JWTError.oversized) { try JWT(parsing: token) }
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "....", "eyJhbGciOiJIUzI1NiJ9.e30"])
    func refusesAnythingButThreeParts(token: String) {
        #expect(throws: JWTError.malformed) { try JWT(parsing: token) }
    }

    @Test func refusesBadBase64InAnyPart() {
        let header = Self.part(#"{"alg":"HS256"}"#)
        for token in ["!.\(Self.part("{}")).", "\(header).e30=.", "\(header).e30.a+b"] {
            #expect(throws: JWTError.invalidBase64URL) { try JWT(parsing: token) }
        }
    }

    @Test func refusesHeadersAndPayloadsThatAreNotJSONObjects() {
        #expect(throws: JWTError.invalidJSON("header")) { try JWT(parsing: "\(Self.part("not json")).e30.") }
        #expect(throws: JWTError.invalidJSON("header")) { try JWT(parsing: "\(Self.part(#"{"typ":"JWT"}"#)).e30.") }
        #expect(throws: JWTError.invalidJSON("payload")) { try JWT(parsing: "\(Self.part(#"{"alg":"none"}"#)).\(Self.part("[1]")).") }
    }

    @Test func headerParametersHaveTheirTypes() throws {
        let payload = Self.part("{}")
        let minimal = try JWT(parsing: "\(Self.part(#"{"alg":"RS256","kid":null,"typ":null,"crit":null,"x5t":[1]}"#)).\(payload).")
        #expect(minimal.header == JWTHeader(alg: "RS256", kid: nil, typ: nil))
        let critical = try JWT(parsing: "\(Self.part(#"{"alg":"RS256","crit":["exp",{"n":1.5}]}"#)).\(payload).")
        #expect(critical.header.crit == .array([.string("exp"), .object(["n": 1.5])]))
        for header in [#"{"alg":null}"#, #"{"alg":1}"#, #"{"alg":"RS256","kid":7}"#, #"{"alg":"RS256","typ":true}"#, #"{"alg":"RS256","crit":1e999}"#] {
            #expect(throws: JWTError.invalidJSON("header")) { try JWT(parsing: "\(Self.part(header)).\(payload).") }
        }
    }

    @Test func payloadsAreStrictJSON() throws {
        let header = Self.part(#"{"alg":"RS256"}"#)
        let jwt = try JWT(parsing: "\(header).\(Self.part(#"{"exp":1795685400,"o":{"a":[null,true,-0.5e1]},"s":"\u00e9\n"}"#)).")
        #expect(jwt.claims == JWTClaims([
            "exp": .number(JSONNumber(1_795_685_400)), "o": .object(["a": .array([.null, .bool(true), try JSONParser().parse("-0.5e1")])]),
            "s": .string("\u{e9}\n"),
        ]))
        // A repeated claim could be read differently by two parsers; overflowing numbers have no value.
        for payload in [#"{"sub":"a","sub":"b"}"#, #"{"exp":1e999}"#, #"{"a":[1e999]}"#, #"{"o":{"x":-1e999}}"#, #"{"exp":01}"#, #"{"a":[1,]}"#, #"{} {}"#, "\u{FEFF}{}"] {
            #expect(throws: JWTError.invalidJSON("payload")) { try JWT(parsing: "\(header).\(Self.part(payload)).") }
        }
        #expect(throws: JWTError.invalidJSON("payload")) { try JWT(parsing: "\(header).\(Base64URL.encode([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D])).") }
    }

    @Test func claimAccessorsCheckTypes() throws {
        var claims = JWTClaims([
            "s": .string("x"), "n": .number(JSONNumber(3)), "b": .bool(true), "a": .array([.string("p"), .string("q")]),
            "mixed": .array([.string("p"), .number(JSONNumber(1))]), "nil": .null,
        ])
        claims["o"] = .object(["k": .string("v")])
        #expect(try claims.string("s") == "x")
        #expect(try claims.string("missing") == nil)
        #expect(try claims.string("nil") == nil)
        #expect(try claims.number("n") == 3)
        #expect(try claims.number("nil") == nil)
        #expect(try claims.strings("s") == ["x"])
        #expect(try claims.strings("a") == ["p", "q"])
        #expect(try claims.strings("nil") == nil)
        #expect(throws: JWTError.invalidClaim("n")) { try claims.string("n") }
        #expect(throws: JWTError.invalidClaim("s")) { try claims.number("s") }
        #expect(throws: JWTError.invalidClaim("mixed")) { try claims.strings("mixed") }
        #expect(throws: JWTError.invalidClaim("b")) { try claims.strings("b") }
    }

    @Test func jsonValuesRoundTrip() throws {
        let claims = JWTClaims([
            "s": .string("x"), "n": .number(JSONNumber(1_795_685_400)), "f": 1.5, "b": .bool(false), "z": .null,
            "a": .array([.string("p"), .bool(true)]), "o": .object(["k": .array([])]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(claims)
        #expect(String(decoding: data, as: UTF8.self).contains(#""n":1795685400,"#))
        #expect(try JSONDecoder().decode(JWTClaims.self, from: data) == claims)
    }
}
