/// A parsed `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` header.
///
/// The caller reads `accessKeyID` to look up the secret, then hands both to
/// `SigV4Verifier`. `description` leaves the signature out.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv4-signed-request-examples.html
public struct SigV4Authorization: Sendable, Equatable, CustomStringConvertible {
    public let accessKeyID: String
    /// The scope date, `YYYYMMDD`.
    public let dateStamp: String
    public let region: String
    public let service: String
    /// Lowercase, strictly sorted header names.
    public let signedHeaders: [String]
    /// 64 lowercase hex digits.
    let signature: String

    public init(header: String) throws(SigV4VerificationError) {
        guard let space = header.firstIndex(of: " ") else { throw .malformed(.header) }
        guard header[..<space] == SigV4Signature.algorithm else {
            throw header.hasPrefix("AWS4-") ? .unsupportedAlgorithm : .malformed(.header)
        }
        var credential: Substring?
        var signedHeaders: Substring?
        var signature: Substring?
        for component in header[header.index(after: space)...].split(separator: ",") {
            let component = component.drop { $0 == " " }
            guard let equals = component.firstIndex(of: "=") else { throw .malformed(.header) }
            let value = component[component.index(after: equals)...]
            switch component[..<equals] {
            case "Credential" where credential == nil: credential = value
            case "SignedHeaders" where signedHeaders == nil: signedHeaders = value
            case "Signature" where signature == nil: signature = value
            default: throw .malformed(.header)
            }
        }
        guard let credential else { throw .malformed(.credential) }
        guard let signedHeaders else { throw .malformed(.signedHeaders) }
        guard let signature else { throw .malformed(.signature) }

        // Credential=AKID/YYYYMMDD/region/service/aws4_request
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty, !scope[2].isEmpty, !scope[3].isEmpty,
              scope[1].utf8.count == 8, scope[1].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw .malformed(.credential) }

        let names = signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !names.isEmpty, names.allSatisfy(Self.isLowercaseToken), zip(names, names.dropFirst()).allSatisfy({ $0 < $1 })
        else { throw .malformed(.signedHeaders) }

        guard signature.utf8.count == 64, signature.utf8.allSatisfy(Self.isLowercaseHex) else { throw .malformed(.signature) }

        accessKeyID = String(scope[0])
        dateStamp = String(scope[1])
        region = String(scope[2])
        service = String(scope[3])
        self.signedHeaders = names
        self.signature = String(signature)
    }

    public var description: String {
        "SigV4Authorization(accessKeyID: \(accessKeyID), scope: \(dateStamp)/\(region)/\(service), signedHeaders: \(signedHeaders.joined(separator: ";")))"
    }

    /// A header name as SigV4 signs it: non-empty, lowercase token characters.
    private static func isLowercaseToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
