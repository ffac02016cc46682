import Foundation
import Testing
@testable import JWT

@Suite struct RSAKeyTests {
    static let jwks = try! JWKS(json: Array(JWTFixtures.jwks.utf8))

    @Test func loadsPKCS8AndPKCS1PrivateKeysMatchingTheirPublicJWK() throws {
        let jwk = try #require(Self.jwks.keys.first { $0.kid == "key-1" })
        for pem in [JWTFixtures.signingKeyPEM, JWTFixtures.signingKeyPKCS1PEM] {
            let key = try RSAKey(privateKeyPEM: pem)
            #expect(key.isPrivate)
            #expect(Base64URL.encode(key.publicComponents.modulus) == jwk.n)
            #expect(Base64URL.encode(key.publicComponents.exponent) == "AQAB")
        }
    }

    @Test func refusesPEMsThatAreNotStrongRSAPrivateKeys() {
        #expect(throws: JWTError.invalidKey("the PEM is not a private key")) { try RSAKey(privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") }
        for pem in [JWTFixtures.ecKeyPEM, JWTFixtures.smallKeyPEM] {
            #expect(throws: JWTError.invalidKey("the private key is not RSA of at least 2048 bits")) { try RSAKey(privateKeyPEM: pem) }
        }
    }

    @Test func refusesWeakPublicKeyComponents() throws {
        let weak = JWTError.invalidKey("an RS256 key needs a modulus of at least 2048 bits and a non-zero exponent")
        #expect(throws: weak) { try RSAKey(modulus: [0] + [UInt8](repeating: 0xFF, count: 255), exponent: [1, 0, 1]) }
        #expect(throws: weak) { try RSAKey(modulus: [UInt8](repeating: 0xFF, count: 256), exponent: [0, 0]) }
        let key = try RSAKey(modulus: [UInt8](repeating: 0xFF, count: 256), exponent: [1, 0, 1])
        #expect(!key.isPrivate)
    }

    @Test func generatesExportsAndReloadsAKeyPair() throws {
        let key = try RSAKey.generate()
        #expect(key.isPrivate)
        #expect(key.publicComponents.modulus.count == 256)
        let reloaded = try RSAKey(privateKeyPEM: key.privateKeyPEM)
        #expect(reloaded.publicComponents.modulus == key.publicComponents.modulus)
        #expect(try key.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(throws: JWTError.cryptoFailure("generate an RSA key of 1024 bits")) { try RSAKey.generate(bits: 1024) }
    }

    @Test func publicKeysCannotSignOrExport() throws {
        let publicKey = try #require(Self.jwks.key(for: "key-1")?.key)
        #expect(throws: JWTError.invalidKey("signing needs a private key")) { try publicKey.sign([1, 2, 3]) }
        #expect(throws: JWTError.invalidKey("no private key to export")) { try publicKey.privateKeyPEM }
    }

    @Test func signaturesVerifyOnlyForTheSignedMessageAndKey() throws {
        let key = try RSAKey(privateKeyPEM: JWTFixtures.signingKeyPEM)
        let publicKey = try #require(Self.jwks.key(for: "key-1")?.key)
        let otherKey = try #require(Self.jwks.key(for: "key-2")?.key)
        let signature = try key.sign(Array("message".utf8))
        #expect(signature.count == 256)
        #expect(publicKey.verify(signature, of: Array("message".utf8)))
        #expect(!publicKey.verify(signature, of: Array("messagE".utf8)))
        #expect(!otherKey.verify(signature, of: Array("message".utf8)))
        #expect(!publicKey.verify([], of: Array("message".utf8)))
    }
}
