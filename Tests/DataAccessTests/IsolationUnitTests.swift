import AWSCore
import FoundationEssentials
import Synchronization
import Testing
@testable import DataAccess
import PlatformJSON

/// Answers AWS calls from a fixed table of responses, recording what was asked.
private final class CannedTransport: HTTPTransport {
    let answer: @Sendable (HTTPRequest) -> HTTPResponse
    init(_ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.answer = answer }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { answer(request) }
    func stream(_ request: HTTPRequest, onHead: @escaping @Sendable (HTTPResponse) async throws -> Void,
                onChunk: @escaping @Sendable (Data) async throws -> Void) async throws -> HTTPResponse {
        let response = answer(request)
        try await onHead(response)
        try await onChunk(response.body)
        return response
    }
}

private func client(_ service: AWSService, _ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws -> AWSClient {
    try AWSClient(service: service, environment: [
        "AWS_REGION": "eu-west-2", "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret",
        "AWS_ENDPOINT_URL": "http://127.0.0.1:1",
    ], transport: CannedTransport(answer))
}

@Suite struct IsolationUnitTests {
    let acme = try! TenantID(validating: "acme")

    @Test func reporterWritesALogLineAndAnEMFMetricWithoutItemContent() throws {
        let lines = Mutex<[String]>([])
        let reporter = EMFAccessViolationReporter(write: { line in lines.withLock { $0.append(line) } },
                                                  now: { Date(timeIntervalSince1970: 1_800_000_000.5) })
        reporter.report(TenantAccessViolation(callerTenant: acme, targetTenant: "acme-evil", operation: "GetItem",
                                              key: "TENANT#acme-evil/JOB#\"1\""))
        let written = lines.withLock { $0 }
        #expect(written.count == 2)
        let log = try JSONDecoder().decode([String: String].self, from: Data(written[0].utf8))
        #expect(log["event"] == "TenantAccessViolation")
        #expect(log["callerTenant"] == "acme" && log["targetTenant"] == "acme-evil")
        #expect(log["key"] == "TENANT#acme-evil/JOB#\"1\"")
        let metric = try #require(try JSONSerializationFree.object(written[1]))
        #expect(metric.contains(#""Namespace":"platform/security""#))
        #expect(metric.contains(#""Dimensions":[["CallerTenant","TargetTenant"]]"#))
        #expect(metric.contains(#""Timestamp":1800000000500"#))
        #expect(metric.contains(#""TenantAccessViolation":1"#))
        #expect(metric.contains(#""CallerTenant":"acme""#))
    }

    @Test func logLinesStayValidJSONWhateverTheKey() throws {
        let lines = Mutex<[String]>([])
        let reporter = EMFAccessViolationReporter(write: { line in lines.withLock { $0.append(line) } })
        reporter.report(TenantAccessViolation(callerTenant: acme, targetTenant: "?", operation: "GetItem", key: "x\"\n\t\u{1}é"))
        let log = try JSONDecoder().decode([String: String].self, from: Data(lines.withLock { $0[0] }.utf8))
        #expect(log["key"] == "x\"\n\t\u{1}é")
        // The default reporter writes to standard output; it must not crash.
        EMFAccessViolationReporter().report(TenantAccessViolation(callerTenant: acme, targetTenant: "*", operation: "Scan", key: "t"))
    }

    @Test func keyOwnershipIsExact() throws {
        #expect(KeyOwnership("TENANT#acme") == .tenant(acme))
        #expect(KeyOwnership("IDEMPOTENCY#acme#key#with#hashes") == .tenant(acme))
        #expect(KeyOwnership("TENANT#acme#x") == .unparseable)
        #expect(KeyOwnership("IDEMPOTENCY#acme") == .unparseable)
        #expect(KeyOwnership("AGENT#echo") == .shared)
        #expect(KeyOwnership("AGENT#echo").targetName == "?")
    }

    @Test func pageTokensRoundTripAndRejectForgeries() throws {
        let key: DynamoDBItem = ["PK": .s("TENANT#acme"), "SK": .s("JOB#1")]
        #expect(try PageToken.decode(PageToken.encode(key)) == key)
        #expect(PageToken.encode(nil) == nil)
        #expect(try PageToken.decode(nil) == nil)
        let noPK = PageToken.encode(["SK": .s("x")])
        #expect(throws: InvalidPageToken.self) { try PageToken.decode(noPK) }
        #expect(throws: InvalidPageToken.self) { try PageToken.decode(String(repeating: "A", count: 3000)) }
    }

    @Test func batchGetGivesUpWhenKeysStayUnprocessed() async throws {
        let dynamoDB = DynamoDBClient(client: try client(.dynamoDB) { request in
            let keys = String(decoding: request.body, as: UTF8.self)
            let body = #"{"Responses":{},"UnprocessedKeys":{"t":"# + keys.dropFirst(#"{"RequestItems":{"t":"#.count).dropLast(2) + "}}"
            return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.0")]), body: Data(body.utf8))
        })
        let scoped = TenantScopedDynamoDB(tenant: acme, dynamoDB: dynamoDB, reporter: EMFAccessViolationReporter(write: { _ in }))
        let key = TableKey.session(acme, try SessionID(validating: "s1"))
        await #expect(throws: BatchIncomplete(table: "t", unprocessed: 1)) {
            _ = try await scoped.batchGet(Session.self, from: "t", keys: [key])
        }
    }

    @Test func listingStaysInsideTheTenantPrefix() async throws {
        let s3 = S3Client(client: try client(.s3) { request in
            #expect(request.query.contains("prefix=tenants%2Facme%2Fjobs%2F"))
            let xml = """
            <ListBucketResult><Contents><Key>tenants/acme/jobs/a.json</Key><Size>2</Size></Contents>\
            <IsTruncated>true</IsTruncated><NextContinuationToken>next</NextContinuationToken></ListBucketResult>
            """
            return HTTPResponse(status: 200, body: Data(xml.utf8))
        })
        let store = TenantScopedS3(tenant: acme, s3: s3, bucket: "b", reporter: EMFAccessViolationReporter(write: { _ in }))
        let page = try await store.list(under: "tenants/acme/jobs/")
        #expect(page.keys == ["tenants/acme/jobs/a.json"])
        #expect(page.next == "next")
    }
}

/// Checks a line is a JSON object without Foundation's JSONSerialization.
private enum JSONSerializationFree {
    static func object(_ line: String) throws -> String? {
        _ = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        return line
    }
}
