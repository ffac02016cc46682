import AWSCore
@testable import AuthoriserCore
import DataAccess
import FoundationEssentials
import LambdaEvents
import PlatformAPI
import Testing
@testable import LocalGateway

/// The machine path binds its Allow to the signed request (ADR 0028) and
/// bounds what unauthenticated probes cost (issue 11 items 3 and 13).
@Suite struct AuthoriserBindingTests {
    let clock = TestClock()
    let directory = FakeDirectory.standard()

    var handler: AuthoriserHandler {
        let clock = clock
        return AuthoriserHandler(tokens: FakeTokens.standard, directory: directory, region: "eu-west-2", now: { clock.now })
    }

    /// A request signed over `rawQuery` as sent (botocore's encoding), handed over as
    /// API Gateway does: decoded parameters in both maps.
    func signed(
        _ method: String = "GET", _ path: String = "/v1/agents", rawQuery: String = "", body: [UInt8]? = nil,
        declare hash: String? = nil, keyID: String = "APKACME", secret: String = "acme-secret", tenant: String = "acme-basic"
    ) -> APIGatewayAuthorizerRequest {
        let host = "api1.execute-api.eu-west-2.amazonaws.com"
        var headers = HTTPHeaders([("Host", host), ("x-tenant-id", tenant)])
        if let hash { headers.add("x-amz-content-sha256", hash) }
        var http = HTTPRequest(method: method, authority: host, path: path, query: rawQuery, headers: headers, body: Data(body ?? []))
        SigV4Signer(credentials: AWSCredentials(accessKeyID: keyID, secretAccessKey: secret), region: "eu-west-2", service: "execute-api")
            .sign(&http, date: clock.now, payload: hash.map { .precomputed($0) } ?? .signed)
        var map: [String: String] = [:]
        for field in http.headers { map[field.name] = field.value }
        let query = QueryString(rawQuery)
        var event = Events.request(method, path, headers: map, query: query.single.isEmpty ? nil : query.single)
        event.multiValueQueryStringParameters = query.multi.isEmpty ? nil : query.multi
        return event
    }

    @Test func aMachineAllowCoversOnlyTheSignedMethodAndCarriesWhatWasSigned() async throws {
        let body = Array(#"{"input":"hi"}"#.utf8)
        let hash = SHA256.hexDigest(of: body)
        let event = signed("POST", "/v1/agents/echo-agent/invoke", rawQuery: "b=2&a=1", body: body, declare: hash)
        let response = try await handler.handle(event)
        #expect(response.policyDocument.statement.first?.resource == [event.methodArn])
        #expect(PolicyEvaluator.allows(response.policyDocument, methodARN: event.methodArn))
        #expect(!PolicyEvaluator.allows(response.policyDocument, methodARN: "\(Events.apiRoot)/POST/v1/webhooks"))
        #expect(!PolicyEvaluator.allows(response.policyDocument, methodARN: "\(Events.apiRoot)/GET/v1/agents/echo-agent/invoke"))
        let binding = try #require(RequestBinding(context: response.context))
        #expect(binding == RequestBinding(method: "POST", path: "/v1/agents/echo-agent/invoke", query: "a=1&b=2",
                                          amzDate: "20270115T080000Z", tenantID: "acme-basic", payloadHash: hash))
        // The usual members are all still there.
        #expect(response.context?["tenantId"] == "acme-basic" && response.context?["roles"] == #"["Machine.Invoke"]"#)
    }

    @Test func withoutADeclaredHashTheEmptyBodyWasSigned() async throws {
        let response = try await handler.handle(signed())
        #expect(RequestBinding(context: response.context)?.payloadHash == SHA256.hexDigest(of: []))
        let unsigned = try await handler.handle(signed(declare: "UNSIGNED-PAYLOAD"))
        #expect(RequestBinding(context: unsigned.context)?.payloadHash == "UNSIGNED-PAYLOAD")
    }

    @Test(arguments: ["abc", String(repeating: "A", count: 64), String(repeating: "g", count: 64), "unsigned-payload", ""])
    func aDeclaredHashMustBeAHexDigestOrUnsigned(hash: String) async {
        await #expect(throws: Unauthorized(reason: .signature("sigv4.malformed_payload_hash"))) {
            try await handler.handle(signed(declare: hash))
        }
        #expect(directory.reads == 0)
    }

    /// What botocore sends for `params=[...]`: every name and value encoded with
    /// `quote(safe='-_.~')`, repeated names kept in order. AWS services accept these.
    static let botocoreQueries = [
        "k=2&k=1",
        "k=b&k=a&k=b",
        "q=a%2Bb&r=x%20y",
        "reserved=%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D",
        "name=%C3%A9t%C3%A9&city=%E6%9D%B1%E4%BA%AC",
        "empty=&flag=",
        "tilde=~x&dash=a-b_c.d",
        "%C3%A9=1&%C3%A9=0",
    ]

    @Test(arguments: botocoreQueries)
    func queriesBotocoreSignsAreAccepted(rawQuery: String) async throws {
        let response = try await handler.handle(signed(rawQuery: rawQuery))
        #expect(response.principalId == "apikey/APKACME")
        #expect(RequestBinding(context: response.context)?.query == SigV4Verifier.canonicalQueryString(rawQuery))
    }

    @Test func aQueryOtherThanTheSignedOneIsRefused() async {
        var event = signed(rawQuery: "k=2&k=1")
        event.multiValueQueryStringParameters = ["k": ["2"]]
        await #expect(throws: Unauthorized(reason: .signature("sigv4.signature_mismatch"))) { try await handler.handle(event) }
    }

    @Test func probesWithAStaleDateOrForeignScopeCostNoRead() async {
        let stale = Events.signed(keyID: "APKPROBE", secret: "x", tenant: "acme-basic", date: clock.now.addingTimeInterval(-400))
        await #expect(throws: Unauthorized(reason: .signature("sigv4.stale_date"))) { try await handler.handle(stale) }
        #expect(directory.reads == 0)
    }

    @Test func unknownKeysAreCachedAsAbsentAndCannotEvictRealEntries() async throws {
        let cache = ExpiringCache<String, Int>(ttl: 30, capacity: 4, absentCapacity: 3)
        let now = clock.now
        for index in 0..<4 { cache.store(index, for: "good-\(index)", now: now) }
        // A flood of probes with ever new ids: each is remembered as absent, the store stays bounded...
        for index in 0..<1_000 { cache.store(nil, for: "probe-\(index)", now: now) }
        // ...and every real entry survives it.
        for index in 0..<4 { #expect(cache.lookup("good-\(index)", now: now) == .some(index)) }
        #expect(cache.lookup("probe-999", now: now) == .some(nil))
        #expect(cache.lookup("probe-998", now: now) == .some(nil))
        #expect(cache.lookup("probe-0", now: now) == nil, "the oldest probes were evicted, not everything")
    }

    @Test func aFullStoreDropsExpiredEntriesFirstThenTheLeastRecentlyUsed() {
        var store = LRUStore<String, Int>(capacity: 3, sweepInterval: 1)
        let now = clock.now
        store.store(1, for: "a", expires: now.addingTimeInterval(10), now: now)
        store.store(2, for: "b", expires: now.addingTimeInterval(1), now: now)
        store.store(3, for: "c", expires: now.addingTimeInterval(10), now: now)
        // `b` has expired: it goes, though `a` is the least recently used.
        let later = now.addingTimeInterval(2)
        store.store(4, for: "d", expires: later.addingTimeInterval(10), now: later)
        #expect(store.value(for: "a", now: later) == 1)
        #expect(store.value(for: "b", now: later) == nil)
        // Nothing expired now: the least recently used (`c`; `a` was just read) goes.
        store.store(5, for: "e", expires: later.addingTimeInterval(10), now: later)
        #expect(store.value(for: "c", now: later) == nil)
        #expect(store.value(for: "a", now: later) == 1 && store.value(for: "d", now: later) == 4 && store.value(for: "e", now: later) == 5)
        #expect(store.count == 3)
        // Replacing a value keeps one entry; removing frees its slot for reuse.
        store.store(6, for: "a", expires: later.addingTimeInterval(10), now: later)
        store.removeValue(for: "d")
        store.removeValue(for: "nothing")
        store.store(7, for: "f", expires: later.addingTimeInterval(10), now: later)
        #expect(store.count == 3 && store.value(for: "a", now: later) == 6 && store.value(for: "f", now: later) == 7)
        // An expired entry is dropped when read.
        #expect(store.value(for: "e", now: later.addingTimeInterval(60)) == nil)
        #expect(store.count == 2)
    }

    @Test func aValueAndAnAbsenceReplaceEachOther() {
        let cache = ExpiringCache<String, Int>(ttl: 30)
        let now = clock.now
        cache.store(nil, for: "k", now: now)
        cache.store(1, for: "k", now: now)
        #expect(cache.lookup("k", now: now) == .some(1))
        cache.store(nil, for: "k", now: now)
        #expect(cache.lookup("k", now: now) == .some(nil))
        #expect(cache.lookup("k", now: now.addingTimeInterval(31)) == nil)
        let off = ExpiringCache<String, Int>(ttl: 0)
        off.store(1, for: "k", now: now)
        #expect(off.lookup("k", now: now) == nil)
    }

    @Test func theTierIsTheTenantRowsNeverTheTokensClaim() async throws {
        // The fake token verifier carries no tier at all; the row says basic, whatever a token claims.
        let user = try await handler.handle(Events.bearer("basic-user"))
        #expect(user.context?["tier"] == "basic")
        let machine = try await handler.handle(Events.signed(keyID: "APKGLOBEX", secret: "globex-secret", tenant: "globex-premium",
                                                             date: clock.now))
        #expect(machine.context?["tier"] == "premium")
    }
}
