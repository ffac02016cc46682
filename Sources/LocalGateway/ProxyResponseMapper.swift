import FoundationEssentials
import LambdaEvents

/// Maps a Lambda proxy integration response to the HTTP response API Gateway
/// sends; anything that is not a valid proxy response is a 502, as in AWS.
enum ProxyResponseMapper {
    struct HTTPAnswer: Equatable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        static func == (lhs: HTTPAnswer, rhs: HTTPAnswer) -> Bool {
            lhs.status == rhs.status && lhs.body == rhs.body
                && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
        }
    }

    static func answer(fromPayload payload: [UInt8]) -> HTTPAnswer? {
        guard let response = try? JSONDecoder().decode(APIGatewayProxyResponse.self, from: Data(payload)) else { return nil }
        return answer(from: response)
    }

    static func answer(from response: APIGatewayProxyResponse) -> HTTPAnswer? {
        guard (100...599).contains(response.statusCode) else { return nil }
        var body: [UInt8] = []
        if let text = response.body {
            if response.isBase64Encoded == true {
                guard let data = Data(base64Encoded: text) else { return nil }
                body = [UInt8](data)
            } else {
                body = Array(text.utf8)
            }
        }
        return HTTPAnswer(status: response.statusCode, headers: headers(response.headers, response.multiValueHeaders), body: body)
    }

    /// Both header maps merged as API Gateway does: a multi-value entry wins
    /// over the single-value entry of the same name.
    static func headers(_ single: [String: String]?, _ multi: [String: [String]]?) -> [(String, String)] {
        var result: [(String, String)] = []
        let multiNames = Set((multi ?? [:]).keys.map { $0.lowercased() })
        for (name, value) in (single ?? [:]).sorted(by: { $0.key < $1.key }) where !multiNames.contains(name.lowercased()) {
            result.append((name, value))
        }
        for (name, values) in (multi ?? [:]).sorted(by: { $0.key < $1.key }) {
            for value in values { result.append((name, value)) }
        }
        return result.filter { !hopByHop.contains($0.0.lowercased()) }
    }

    /// Framing headers the gateway sets itself.
    static let hopByHop: Set<String> = ["content-length", "transfer-encoding", "connection", "keep-alive"]
}
