import Testing
@testable import JWT

@Suite struct Base64URLTests {
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func matchesRFC4648Vectors(plain: String, encoded: String) throws {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func usesTheURLSafeAlphabet() throws {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test func roundTripsEveryLengthAndByte() throws {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
        for count in 0...70 {
            #expect(try Base64URL.decode(Base64URL.encode(bytes.prefix(count))) == Array(bytes.prefix(count)))
        }
    }

    @Test(arguments: ["A", "Zg==", "Zm9v+", "Zm9v/", "Zm 9v", "Zh", "Zm9", "Zm9vYmFyA"])
    func rejectsNonCanonicalInput(text: String) {
        #expect(throws: JWTError.invalidBase64URL) { try Base64URL.decode(text) }
    }
}
