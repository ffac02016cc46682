import Foundation
import Testing
@testable import AWSCore

/// One case folder of the aws-c-auth SigV4 suite (vendored in `Fixtures/sigv4/v4`).
struct SigV4ConformanceCase {
    struct Context: Decodable {
        struct Credentials: Decodable {
            let accessKeyID: String
            let secretAccessKey: String
            let token: String?

            enum CodingKeys: String, CodingKey {
                case accessKeyID = "access_key_id"
                case secretAccessKey = "secret_access_key"
                case token
            }
        }

        let credentials: Credentials
        let expirationInSeconds: Int
        let normalize: Bool
        let region: String
        let service: String
        let signBody: Bool
        let timestamp: String
        let omitSessionToken: Bool?

        enum CodingKeys: String, CodingKey {
            case credentials, normalize, region, service, timestamp
            case expirationInSeconds = "expiration_in_seconds"
            case signBody = "sign_body"
            case omitSessionToken = "omit_session_token"
        }
    }

    let name: String
    let directory: URL
    let context: Context
    let request: HTTPRequest

    init(name: String) throws {
        self.name = name
        directory = try Self.suiteDirectory().appending(path: name)
        context = try JSONDecoder().decode(Context.self, from: Data(contentsOf: directory.appending(path: "context.json")))
        request = try Self.parseRequest(Self.read(directory.appending(path: "request.txt")))
    }

    var signer: SigV4Signer {
        let credentials = AWSCredentials(
            accessKeyID: context.credentials.accessKeyID,
            secretAccessKey: context.credentials.secretAccessKey,
            sessionToken: context.credentials.token
        )
        let options = SigV4Options(
            normalizesPath: context.normalize,
            encodesPathTwice: context.service != "s3",
            addsContentSHA256Header: context.signBody,
            signsSessionToken: !(context.omitSessionToken ?? false)
        )
        return SigV4Signer(credentials: credentials, region: context.region, service: context.service, options: options)
    }

    var date: Date {
        get throws { try Date(context.timestamp, strategy: .iso8601) }
    }

    /// An expected output file, e.g. `header-signature.txt`.
    func expected(_ file: String) throws -> String {
        try Self.read(directory.appending(path: file))
    }

    /// The request in the suite's `*-signed-request.txt` layout.
    static func serialize(_ request: HTTPRequest) -> String {
        var text = "\(request.method) \(request.path)\(request.query.isEmpty ? "" : "?" + request.query) HTTP/1.1\n"
        for field in request.headers {
            text += "\(field.name):\(field.value)\n"
        }
        return text + "\n" + String(decoding: request.body, as: UTF8.self)
    }

    /// The suite vendored as this target's resource `Fixtures/sigv4/v4` (its
    /// licence and origin are in `Fixtures/sigv4/NOTICE.md`).
    static func suiteDirectory() throws -> URL {
        guard let suite = Bundle.module.url(forResource: "sigv4", withExtension: nil)?.appending(path: "v4"),
              FileManager.default.fileExists(atPath: suite.path) else {
            Issue.record("The vendored SigV4 conformance suite (Tests/AWSCoreTests/Fixtures/sigv4/v4) is missing from the test bundle.")
            throw MissingSuite()
        }
        return suite
    }

    struct MissingSuite: Error {}

    private static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Request line, header lines (a line starting with whitespace continues the
    /// previous value), a blank line, then the body.
    static func parseRequest(_ text: String) throws -> HTTPRequest {
        let head: Substring
        let body: Substring
        if let blank = text.range(of: "\n\n") {
            head = text[..<blank.lowerBound]
            body = text[blank.upperBound...]
        } else {
            head = text.hasSuffix("\n") ? text.dropLast() : text[...]
            body = ""
        }
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst()
        let method = try #require(requestLine.split(separator: " ").first)
        let target = requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count)
        var pairs: [(String, String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t" {
                pairs[pairs.count - 1].1 += "\n" + line
            } else {
                let colon = try #require(line.firstIndex(of: ":"))
                pairs.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let headers = HTTPHeaders(pairs)
        let (path, query) = target.firstIndex(of: "?").map { (target[..<$0], target[target.index(after: $0)...]) } ?? (target, "")
        return HTTPRequest(
            method: String(method), scheme: "https", authority: try #require(headers["host"]),
            path: String(path), query: String(query), headers: headers, body: Data(body.utf8)
        )
    }
}
