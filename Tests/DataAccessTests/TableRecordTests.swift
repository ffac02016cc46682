import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct TableRecordTests {
    @Test func writesTheKeyWithTheFields() throws {
        let tenant = try Fixtures.validTenant()
        let item = try tenant.item()
        #expect(item["PK"] == .s("TENANT#acme") && item["SK"] == .s("METADATA"))
        #expect(item["tenantId"] == .s("acme"))
    }

    @Test func refusesItemsWhoseKeyDisagreesWithTheirFields() throws {
        var item = try Fixtures.validTenant().item()
        item["PK"] = .s("TENANT#other")
        #expect(Fixtures.decodingError(Tenant.self, item)
            == RecordDecodingError(code: .keyMismatch, attribute: "PK", message: "attribute 'PK' does not match the record's own key"))
        item["PK"] = .s("TENANT#acme")
        item["SK"] = nil
        #expect(Fixtures.decodingError(Tenant.self, item)?.attribute == "SK")
    }

    @Test func reportsMissingAndInvalidAttributesByName() throws {
        let item = try Fixtures.validTenant().item()
        for field in ["tenantId", "status", "tier"] {
            var broken = item
            broken[field] = nil
            #expect(Fixtures.decodingError(Tenant.self, broken)?.code == .missingAttribute)
            #expect(Fixtures.decodingError(Tenant.self, broken)?.attribute == field)
            broken[field] = .null
            #expect(Fixtures.decodingError(Tenant.self, broken)?.code == .missingAttribute)
            broken[field] = .s("BOGUS")
            #expect(Fixtures.decodingError(Tenant.self, broken)?.code == .invalidAttribute)
            #expect(Fixtures.decodingError(Tenant.self, broken)?.attribute == field)
            broken[field] = .n("1")
            #expect(Fixtures.decodingError(Tenant.self, broken)?.code == .invalidAttribute)
        }
    }

    @Test func neverPutsValuesInMessages() throws {
        var item = try Fixtures.validTenant().item()
        item["ownerEmail"] = .s("not-an-email-secret")
        let error = try #require(Fixtures.decodingError(Tenant.self, item))
        #expect(error.attribute == "ownerEmail" && !error.message.contains("secret"))
    }

    @Test func refusesToWriteNonFiniteNumbers() throws {
        var tenant = try Fixtures.validTenant()
        tenant.monthlyBudgetUSD = .nan
        #expect(throws: EncodingError.self) { try tenant.item() }
    }
}
