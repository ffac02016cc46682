import AWSCore
import Testing
@testable import DataAccess

@Suite struct TenantIDTests {
    @Test(arguments: ["acme", "a1b", "abc-def-9", "platform", String(repeating: "a", count: 32)])
    func acceptsValidIDs(_ text: String) throws {
        #expect(try TenantID(validating: text).rawValue == text)
    }

    @Test(arguments: ["ab", String(repeating: "a", count: 33), "1abc", "-abc", "abc-", "ab--c", "Acme", "ac_me", "acmé", "ac me", ""])
    func refusesMalformedIDs(_ text: String) {
        #expect(throws: ValidationError.self) { try TenantID(validating: text) }
        do {
            _ = try TenantID(validating: text, field: "targetTenant")
        } catch {
            #expect(error.field == "targetTenant" && error.code == .invalidFormat)
        }
    }

    @Test(arguments: ["admin", "root", "system", "stub"])
    func refusesReservedNames(_ text: String) {
        #expect(throws: ValidationError(field: "tenantId", code: .reserved, message: "is a reserved name")) {
            try TenantID(validating: text)
        }
    }

    @Test func platformExistsButIsNeverCreatable() throws {
        #expect(try TenantID(validating: "platform") == .platform)
        #expect(!TenantID.platform.isCreatable)
        #expect(throws: ValidationError(field: "tenantId", code: .reserved, message: "is a reserved name")) {
            try TenantID(creating: "platform")
        }
        #expect(try TenantID(creating: "acme").isCreatable)
        #expect(throws: ValidationError.self) { try TenantID(creating: "ab") }
    }

    @Test func codesAsAStringAndValidatesOnDecode() throws {
        struct Holder: Codable { var tenantId: TenantID }
        let item = try DynamoDBItemEncoder().encode(Holder(tenantId: Fixtures.tenant()))
        #expect(item == ["tenantId": .s("acme")])
        #expect(try DynamoDBItemDecoder().decode(Holder.self, from: item).tenantId.description == "acme")
        do {
            _ = try DynamoDBItemDecoder().decode(Holder.self, from: ["tenantId": .s("admin")])
            Issue.record("decoded a reserved tenant id")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "attribute 'tenantId' is a reserved name")
        }
    }
}
