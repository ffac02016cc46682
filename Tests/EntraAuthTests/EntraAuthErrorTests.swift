import FoundationEssentials
import Testing
@testable import EntraAuth
import JWT

@Suite struct EntraAuthErrorTests {
    static let everyCase: [EntraAuthError] = [
        .malformedToken, .unsupportedAlgorithm, .unknownKey, .badSignature, .expired, .notYetValid, .wrongIssuer,
        .wrongAudience, .missingClaim("tenantid"), .invalidClaim("roles"), .keySetUnavailable, .configuration("ENTRA_ISSUER"),
    ]

    @Test func onlyThePlatformsOwnFailuresAreServerErrors() {
        let serverErrors = Self.everyCase.filter(\.isServerError)
        #expect(serverErrors == [.keySetUnavailable, .configuration("ENTRA_ISSUER")])
    }

    @Test func descriptionsNameTheCheckAndAreDistinct() {
        let descriptions = Self.everyCase.map(\.description)
        #expect(Set(descriptions).count == descriptions.count)
        #expect(EntraAuthError.missingClaim("tenantid").description == "token lacks the required claim tenantid")
        #expect(EntraAuthError.invalidClaim("roles").description == "token claim roles has the wrong type or value")
        #expect(EntraAuthError.configuration("ENTRA_ISSUER").description == "environment variable ENTRA_ISSUER is not set or invalid")
    }

    @Test func aJWKSFailureMeansTheKeySetIsUnavailable() throws {
        let error = try #require(throws: JWTError.self) { try JWKS(json: Array("[]".utf8)) }
        #expect(EntraAuthError(error) == .keySetUnavailable)
    }

    @Test func aKeyThatCannotVerifyMeansTheSignatureWasNotShown() throws {
        let error = try #require(throws: JWTError.self) { try RSAKey(modulus: [1, 2, 3], exponent: [1]) }
        #expect(EntraAuthError(error) == .badSignature)
    }
}
