import AWSCore
import Testing

@Suite struct SHA256Tests {
    // FIPS 180-2 appendix B test vectors.
    @Test func matchesTheStandardVectors() {
        #expect(SHA256.hexDigest(of: Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: [])
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
