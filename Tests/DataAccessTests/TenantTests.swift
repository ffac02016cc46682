import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

@Suite struct TenantTests {
    @Test func createsAnActivePendingTenantWithDefaults() throws {
        let tenant = try Fixtures.validTenant()
        #expect(tenant.status == .active && tenant.provisioningStatus == .pending)
        #expect(tenant.ownerEmail.rawValue == "owner@acme.example")
        #expect(tenant.runtimeRegion == .defaultRuntime && tenant.fallbackRegion == .defaultFallback)
        #expect(tenant.createdAt == Fixtures.now && tenant.updatedAt == Fixtures.now)
        #expect(tenant.key == .tenantMetadata(Fixtures.tenant()))
    }

    @Test func writesEveryAttributeInCamelCase() throws {
        var tenant = try Fixtures.validTenant()
        tenant.provisioningError = "stack failed"
        tenant.executionRoleARN = "arn:aws:iam::123456789012:role/r"
        tenant.memoryStoreARN = "arn:m"
        tenant.apiKeySecretARN = "arn:s"
        tenant.apiKeyID = Fixtures.id("k1")
        tenant = tenant.deleted(now: Fixtures.now)
        let (decoded, item) = try Fixtures.roundTrip(tenant)
        #expect(decoded == tenant)
        #expect(Set(item.keys) == ["PK", "SK", "tenantId", "appId", "displayName", "tier", "status", "createdAt", "updatedAt",
                                   "provisioningStatus", "provisioningError", "ownerEmail", "ownerTeam", "accountId",
                                   "executionRoleArn", "memoryStoreArn", "runtimeRegion", "fallbackRegion",
                                   "apiKeySecretArn", "apiKeyId", "monthlyBudgetUsd", "deletedAt", "purgeAt"])
        #expect(item["monthlyBudgetUsd"] == .n("500.0"))
        #expect(item["createdAt"] == .s(Fixtures.nowText))
        #expect(item["purgeAt"] == .s("2026-12-25T12:34:56.789Z"))
        #expect(item["status"] == .s("deleted"))
    }

    @Test func omitsAbsentOptionalAttributes() throws {
        let item = try Fixtures.validTenant().item()
        #expect(item["deletedAt"] == nil && item["apiKeyId"] == nil && item["provisioningError"] == nil)
    }

    @Test func registrationReportsEveryFieldError() {
        #expect(Fixtures.fieldErrors { _ = try TenantRegistration().validated() } == [
            "tenantId:REQUIRED", "appId:REQUIRED", "displayName:REQUIRED", "tier:REQUIRED", "ownerEmail:REQUIRED",
            "ownerTeam:REQUIRED", "accountId:REQUIRED", "monthlyBudgetUsd:REQUIRED",
        ])
        let bad = TenantRegistration(tenantId: "platform", appId: "", displayName: String(repeating: "x", count: 129), tier: "gold",
                                     ownerEmail: "nope", ownerTeam: "t\u{0}", accountId: "12", runtimeRegion: "mars",
                                     fallbackRegion: "EU", monthlyBudgetUsd: 0)
        #expect(Fixtures.fieldErrors { _ = try bad.validated() } == [
            "tenantId:RESERVED", "appId:REQUIRED", "displayName:TOO_LONG", "tier:UNKNOWN_VALUE", "ownerEmail:INVALID_FORMAT",
            "ownerTeam:INVALID_FORMAT", "accountId:INVALID_FORMAT", "runtimeRegion:INVALID_FORMAT",
            "fallbackRegion:INVALID_FORMAT", "monthlyBudgetUsd:OUT_OF_RANGE",
        ])
    }

    @Test func registrationKeepsGivenRegions() throws {
        var request = TenantRegistration(tenantId: "acme", appId: "a", displayName: "A", tier: "basic", ownerEmail: "a@b.io",
                                         ownerTeam: "t", accountId: "123456789012", monthlyBudgetUsd: 1)
        request.runtimeRegion = "eu-central-1"
        request.fallbackRegion = "eu-west-1"
        let validated = try request.validated()
        #expect(validated.runtimeRegion.rawValue == "eu-central-1" && validated.fallbackRegion.rawValue == "eu-west-1")
    }

    @Test func updateAppliesOnlySentFields() throws {
        let tenant = try Fixtures.validTenant()
        let later = Fixtures.now.addingTimeInterval(60)
        let update = TenantUpdate(displayName: "Acme Group", tier: "premium", status: "suspended", monthlyBudgetUsd: 900,
                                  runtimeRegion: "eu-central-1", fallbackRegion: "eu-west-1")
        let updated = try update.applied(to: tenant, now: later)
        #expect(updated.displayName == "Acme Group" && updated.tier == .premium && updated.status == .suspended)
        #expect(updated.monthlyBudgetUSD == 900 && updated.runtimeRegion.rawValue == "eu-central-1")
        #expect(updated.fallbackRegion.rawValue == "eu-west-1" && updated.updatedAt == later)
        #expect(updated.tenantID == tenant.tenantID && updated.createdAt == tenant.createdAt)
        let tierOnly = try TenantUpdate(tier: "basic").applied(to: tenant, now: later)
        #expect(tierOnly.tier == .basic && tierOnly.displayName == tenant.displayName)
    }

    @Test func updateReportsEveryFieldErrorAndRefusesAnEmptyBody() throws {
        let tenant = try Fixtures.validTenant()
        let bad = TenantUpdate(displayName: "", tier: "gold", status: "gone", monthlyBudgetUsd: -1, runtimeRegion: "x", fallbackRegion: "y")
        #expect(Fixtures.fieldErrors { _ = try bad.applied(to: tenant, now: Fixtures.now) } == [
            "displayName:REQUIRED", "tier:UNKNOWN_VALUE", "status:UNKNOWN_VALUE", "monthlyBudgetUsd:OUT_OF_RANGE",
            "runtimeRegion:INVALID_FORMAT", "fallbackRegion:INVALID_FORMAT",
        ])
        #expect(Fixtures.fieldErrors { _ = try TenantUpdate().applied(to: tenant, now: Fixtures.now) } == ["body:REQUIRED"])
    }

    @Test func requestsDecodeFromJSONBodies() throws {
        let body = #"{"tenantId":"acme","monthlyBudgetUsd":10,"tier":"basic"}"#
        let request = try JSONDecoder().decode(TenantRegistration.self, from: Data(body.utf8))
        #expect(request == TenantRegistration(tenantId: "acme", tier: "basic", monthlyBudgetUsd: 10))
        let update = try JSONDecoder().decode(TenantUpdate.self, from: Data(#"{"status":"active"}"#.utf8))
        #expect(update == TenantUpdate(status: "active"))
    }
}
