import FoundationEssentials
import LambdaEvents
import Testing
@testable import PlatformAPI

@Suite struct PlatformAPITests {
    struct Create: Decodable, Equatable {
        var name: String
        var limit: Int?
        var tags: [String]?
    }

    func request(body: String?, base64: Bool = false, method: String = "POST", resource: String = "/v1/things") -> APIGatewayProxyRequest {
        APIGatewayProxyRequest(
            resource: resource, path: resource, httpMethod: method, headers: ["Content-Type": "application/json"],
            multiValueHeaders: nil, queryStringParameters: nil, multiValueQueryStringParameters: nil, pathParameters: nil,
            requestContext: .init(
                accountId: "123456789012", apiId: "local", stage: "v1", requestId: "req-1", resourcePath: resource,
                path: resource, httpMethod: method, requestTimeEpoch: 0, identity: .init(), authorizer: nil
            ),
            body: body, isBase64Encoded: base64
        )
    }

    func details(_ body: String?) -> [APIError.Detail] {
        do {
            _ = try RequestBody.decode(Create.self, from: request(body: body), allowedFields: ["name", "limit", "tags"])
            return []
        } catch {
            #expect(error.code == .invalidRequest)
            return error.details
        }
    }

    @Test func decodesAValidBody() throws {
        let decoded = try RequestBody.decode(Create.self, from: request(body: #"{"name":"a","limit":3}"#), allowedFields: ["name", "limit"])
        #expect(decoded == Create(name: "a", limit: 3, tags: nil))
        let encoded = Data(#"{"name":"b"}"#.utf8).base64EncodedString()
        #expect(try RequestBody.decode(Create.self, from: request(body: encoded, base64: true), allowedFields: ["name"]).name == "b")
    }

    @Test func reportsEveryProblemWithoutEchoingValues() {
        #expect(details(nil) == [.init(field: "body", message: "a JSON object is required")])
        #expect(details("not json") == [.init(field: "body", message: "must be a JSON object")])
        #expect(details("[1]") == [.init(field: "body", message: "must be a JSON object")])
        #expect(details(#"{"name":"a","evil":1,"alsoEvil":2}"#).map(\.field) == ["alsoEvil", "evil"])
        #expect(details(#"{"limit":1}"#) == [.init(field: "name", message: "is required")])
        #expect(details(#"{"name":"secret-value","limit":"x"}"#) == [.init(field: "limit", message: "must be an integer")])
        #expect(details(#"{"name":null}"#) == [.init(field: "name", message: "must be a string, not null")])
        #expect(details(#"{"name":"a","tags":[1]}"#) == [.init(field: "tags[0]", message: "must be a string")])
        #expect(details(String(repeating: " ", count: RequestBody.maxBytes + 1)).first?.message.contains("at most") == true)
    }

    @Test func errorEnvelopeCarriesCodeRequestIDAndRetryAfter() throws {
        let response = APIResponse.error(APIError(.throttled, "Slow down.", retryAfter: 2), requestID: "req-9")
        #expect(response.statusCode == 429)
        #expect(response.headers?["Retry-After"] == "2")
        #expect(response.body == #"{"error":{"code":"THROTTLED","message":"Slow down.","requestId":"req-9"}}"#)
        let invalid = APIResponse.error(.invalid([.init(field: "a", message: "is required")]), requestID: "r")
        #expect(invalid.body?.contains(#""details":[{"field":"a","message":"is required"}]"#) == true)
        #expect(APIError.Code.lockExpired.status == 409)
        #expect(APIError.Code.runtimeInvocationFailed.status == 502)
    }

    @Test func routesOnMethodAndResource() async throws {
        var router = Router<String>()
        router.on("GET", "/v1/things") { _, context in try APIResponse.json(200, ["context": context]) }
        let get = try #require(router.handler(for: request(body: nil, method: "get")))
        #expect(try await get(request(body: nil, method: "GET"), "ctx").body == #"{"context":"ctx"}"#)
        #expect(router.handler(for: request(body: nil, method: "DELETE")) == nil)
        #expect(APIResponse.noContent().statusCode == 204)
    }
}
