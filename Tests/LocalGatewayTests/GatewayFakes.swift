import FoundationEssentials
import LambdaEvents
import Synchronization
@testable import LocalGateway

/// Functions as scripted event lists, recording every payload they receive.
final class FakeInvoker: FunctionInvoker {
    typealias Script = @Sendable ([UInt8]) -> [FunctionResponseEvent]
    private let scripts: [String: Script]
    private let calls = Mutex<[(function: String, payload: [UInt8])]>([])

    init(_ scripts: [String: Script]) { self.scripts = scripts }

    func invoke(function: String, payload: [UInt8]) throws(FunctionInvokeError) -> any FunctionResponseSource {
        guard let script = scripts[function] else { throw .functionNotFound(function) }
        calls.withLock { $0.append((function, payload)) }
        return ScriptedSource(events: script(payload))
    }

    func count(_ function: String) -> Int { calls.withLock { $0.filter { $0.function == function }.count } }

    func lastEvent<Event: Decodable>(_ function: String, as type: Event.Type) throws -> Event? {
        guard let payload = calls.withLock({ $0.last { $0.function == function }?.payload }) else { return nil }
        return try JSONDecoder().decode(type, from: Data(payload))
    }

    /// A buffered function answering `json`.
    static func json(_ json: String) -> Script {
        { _ in [.head(contentType: "application/json"), .chunk(Array(json.utf8)), .end] }
    }

    static func failing(_ type: String, message: String) -> Script {
        { _ in [.failure(errorType: type, payload: Array("{\"errorMessage\":\"\(message)\",\"errorType\":\"\(type)\"}".utf8))] }
    }
}

final class ScriptedSource: FunctionResponseSource, @unchecked Sendable {
    private var events: [FunctionResponseEvent]
    init(events: [FunctionResponseEvent]) { self.events = events }
    func next() -> FunctionResponseEvent { events.isEmpty ? .end : events.removeFirst() }
}

/// Records what the gateway wrote.
final class RecordingWriter: GatewayResponseWriter {
    var status: Int?
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    var chunks: [[UInt8]] = []
    var streamed = false
    var finished = false

    func respond(status: Int, headers: [(String, String)], body: [UInt8]) throws {
        self.status = status
        self.headers = headers
        self.body = body
    }

    func startStream(status: Int, headers: [(String, String)]) throws {
        self.status = status
        self.headers = headers
        streamed = true
    }

    func writeChunk(_ bytes: [UInt8]) throws { chunks.append(bytes) }
    func finishStream() throws { finished = true }

    var text: String { String(decoding: streamed ? chunks.flatMap { $0 } : body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.last { $0.0.lowercased() == name.lowercased() }?.1 }
}

enum Policies {
    static let api = "arn:aws:execute-api:eu-west-2:123456789012:localapi01/local"

    /// An Allow on the whole API with optional explicit denies, as the platform's authoriser answers.
    static func allow(tier: String = "basic", key: String? = "KEY1", denying denied: [String] = []) -> String {
        var statements = [APIGatewayAuthorizerResponse.Statement(effect: .allow, resource: ["\(api)/*/*"])]
        if !denied.isEmpty { statements.append(.init(effect: .deny, resource: denied.map { "\(api)/\($0)" })) }
        let response = APIGatewayAuthorizerResponse(
            principalId: "user-1", policyDocument: .init(statement: statements),
            context: ["tenantId": "acme-basic", "tier": tier, "roles": "[]"], usageIdentifierKey: key
        )
        return String(decoding: try! JSONEncoder().encode(response), as: UTF8.self)
    }
}

/// A settable clock shared by the gateway under test and the test.
final class TestClock: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { value = Mutex(start) }
    var now: Date { value.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
