import AWSCore
import COpenSSL
import FoundationEssentials

/// The benchmark input written by scripts/bench/sigv4_requests.py.
struct BenchDocument: Decodable {
    struct Request: Decodable {
        let method: String
        let url: String
        let headers: [[String]]
        let body: String
    }

    let accessKeyID: String
    let secretAccessKey: String
    let region: String
    let service: String
    let timestamp: Int
    let requests: [Request]

    struct BadRequest: Error {
        let url: String
    }

    static func load(path: String) throws -> BenchDocument {
        try JSONDecoder().decode(BenchDocument.self, from: Data(contentsOf: URL(filePath: path)))
    }

    func httpRequests() throws -> [HTTPRequest] {
        try requests.map { request in
            let headers = HTTPHeaders(request.headers.map { ($0[0], $0[1]) })
            guard let http = HTTPRequest(method: request.method, url: request.url, headers: headers, body: Data(request.body.utf8)) else {
                throw BadRequest(url: request.url)
            }
            return http
        }
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = SHA256(bytes, bytes.count, &digest)
        return digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
