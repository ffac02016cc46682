import AWSCore
import FoundationEssentials
import Testing
@testable import DataAccess

/// Shared values for the model tests.
enum Fixtures {
    /// 2026-11-25T12:34:56.789Z
    static let now = Date(timeIntervalSince1970: 1_795_610_096.789)
    static let nowText = "2026-11-25T12:34:56.789Z"

    static func tenant(_ text: String = "acme") -> TenantID {
        // swiftlint:disable:next force_try
        try! TenantID(validating: text)
    }

    static func id<Kind>(_ text: String) -> Identifier<Kind> {
        try! Identifier(validating: text)
    }

    static let agent = try! AgentName(validating: "echo-agent")
    static let version = try! SemanticVersion(validating: "1.2.3")
    static let region = try! AWSRegion(validating: "eu-west-1")

    static func validTenant() throws -> Tenant {
        let request = TenantRegistration(
            tenantId: "acme", appId: "app-1", displayName: "Acme Ltd", tier: "standard",
            ownerEmail: "Owner@Acme.example", ownerTeam: "payments", accountId: "123456789012", monthlyBudgetUsd: 500
        )
        return Tenant(try request.validated(), now: now)
    }

    /// Encodes `record`, decodes the item back, and returns both.
    static func roundTrip<R: TableRecord & Equatable>(_ record: R) throws -> (R, [String: AttributeValue]) {
        let item = try record.item()
        return (try R(item: item), item)
    }

    /// The `RecordDecodingError` reading `item` as `R` gives, if any.
    static func decodingError<R: TableRecord>(_ type: R.Type, _ item: [String: AttributeValue]) -> RecordDecodingError? {
        do {
            _ = try R(item: item)
            return nil
        } catch {
            return error
        }
    }

    /// The field errors a validation gives, as `field:CODE`.
    static func fieldErrors(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let failure as ValidationFailure {
            return failure.errors.map { "\($0.field):\($0.code.rawValue)" }
        } catch {
            return ["unexpected \(error)"]
        }
    }
}
