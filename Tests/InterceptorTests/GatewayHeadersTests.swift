import Testing
import LambdaEvents
import PlatformJSON

@Suite struct GatewayHeadersTests {
    @Test func removesEveryCaseOfAName() {
        var headers = GatewayHeaders([("Authorization", "a"), ("x", "1"), ("authorization", "b"), ("AUTHORIZATION", "c")])
        #expect(headers.values(for: "Authorization") == ["a", "b", "c"])
        #expect(headers.single("authorization") == nil)
        headers.remove("AuThOrIzAtIoN")
        #expect(headers.fields == [GatewayHeaders.Field(name: "x", value: "1")])
    }

    @Test func setReplacesAllCasesWithOneField() {
        var headers = GatewayHeaders([("X-Tenant-Id", "spoofed"), ("x-tenant-id", "again")])
        headers.set("x-tenant-id", "real")
        #expect(headers.values(for: "X-TENANT-ID") == ["real"])
        #expect(headers.json == ["x-tenant-id": "real"])
    }

    @Test func readsOnlyStringValuedObjects() {
        #expect(GatewayHeaders(json: JSONObject([("a", "1")])) == GatewayHeaders([("a", "1")]))
        #expect(GatewayHeaders(json: JSONObject([("a", ["1"])])) == nil)
        #expect(GatewayHeaders().single("missing") == nil)
    }
}
